import { UsageError } from '../cli/cli-command';
import { runLaunchCli } from '../testing/run-cli';
import { DEFAULT_THRESHOLDS, evaluate, metricsFromArgs, thresholdsFromEnv } from './go-nogo';

const metrics = (over: Partial<Record<string, string>> = {}) =>
  metricsFromArgs({ stage: '10', 'read-p95-ms': '285', 'write-p95-ms': '430', 'error-5xx-percent': '0.22', ...over });

describe('launch go/no-go', () => {
  it("says GO for seed 000's example (stage 10, 285 / 430 / 0.22)", () => {
    const d = evaluate(metrics());
    expect(d.go).toBe(true);
    expect(d.breaches).toEqual([]);
    expect(d.lines).toEqual(['[GO] stage 10: read_p95_ms 285 ms < 400 ms, write_p95_ms 430 ms < 700 ms, error_5xx_percent 0.22 % < 1 %']);
  });

  it.each([
    ['read-p95-ms', '400', 'read_p95_ms', 'MAX_READ_P95_MS'],
    ['write-p95-ms', '700', 'write_p95_ms', 'MAX_WRITE_P95_MS'],
    ['error-5xx-percent', '1', 'error_5xx_percent', 'MAX_5XX_PERCENT'],
  ])('a %s equal to its limit (%s) is STOP', (option, value, metric, variable) => {
    const d = evaluate(metrics({ [option]: value }));
    expect(d.go).toBe(false);
    expect(d.breaches).toEqual([{ metric, value: Number(value), limit: Number(value), variable }]);
    expect(d.lines).toHaveLength(1);
    expect(d.lines[0]).toMatch(/^\[STOP\] stage 10: /);
  });

  it('just below every limit is GO', () => {
    expect(evaluate(metrics({ 'read-p95-ms': '399.99', 'write-p95-ms': '699.9', 'error-5xx-percent': '0.999' })).go).toBe(true);
  });

  it('prints one STOP line per breach', () => {
    const d = evaluate(metrics({ 'read-p95-ms': '900', 'write-p95-ms': '701', 'error-5xx-percent': '5' }));
    expect(d.lines.map((l) => l.split(':')[1].trim().split(' ')[0])).toEqual(['read_p95_ms', 'write_p95_ms', 'error_5xx_percent']);
  });

  it('takes the limits from MAX_READ_P95_MS / MAX_WRITE_P95_MS / MAX_5XX_PERCENT', () => {
    expect(thresholdsFromEnv({})).toEqual(DEFAULT_THRESHOLDS);
    const t = thresholdsFromEnv({ MAX_READ_P95_MS: '250', MAX_WRITE_P95_MS: '500', MAX_5XX_PERCENT: '0.1' });
    expect(t).toEqual({ maxReadP95Ms: 250, maxWriteP95Ms: 500, max5xxPercent: 0.1 });
    expect(evaluate(metrics(), t).breaches.map((b) => b.metric)).toEqual(['read_p95_ms', 'error_5xx_percent']);
    expect(() => thresholdsFromEnv({ MAX_5XX_PERCENT: 'lots' })).toThrow(UsageError);
  });

  it.each([
    [{ stage: undefined }, '--stage is required'],
    [{ stage: '25' }, '--stage must be one of 1, 10, 50, 100'],
    [{ 'read-p95-ms': undefined }, '--read-p95-ms is required'],
    [{ 'write-p95-ms': 'fast' }, '--write-p95-ms must be a number'],
    [{ 'read-p95-ms': '-1' }, '--read-p95-ms must be a number'],
    [{ 'error-5xx-percent': '101' }, '--error-5xx-percent must be a number from 0 to 100'],
    [{ 'error-5xx-percent': 'NaN' }, '--error-5xx-percent must be a number'],
  ])('refuses %p with a usage error', (over, message) => {
    expect(() => metrics(over as Record<string, string>)).toThrow(UsageError);
    expect(() => metrics(over as Record<string, string>)).toThrow(message);
  });

  it('the CLI prints GO and exits 0, STOP lines and exit 1, usage errors exit 2', () => {
    const go = runLaunchCli('go-nogo/go-nogo.cli.ts', [
      '--stage',
      '10',
      '--read-p95-ms',
      '285',
      '--write-p95-ms',
      '430',
      '--error-5xx-percent',
      '0.22',
    ]);
    expect([go.status, go.stdout.trim()]).toEqual([0, expect.stringMatching(/^\[GO\] stage 10/)]);
    const stop = runLaunchCli('go-nogo/go-nogo.cli.ts', [
      '--stage',
      '50',
      '--read-p95-ms',
      '400',
      '--write-p95-ms',
      '800',
      '--error-5xx-percent',
      '0.2',
    ]);
    expect(stop.status).toBe(1);
    expect(stop.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^\[STOP\] stage 50: read_p95_ms/),
      expect.stringMatching(/^\[STOP\] stage 50: write_p95_ms/),
    ]);
    const bad = runLaunchCli('go-nogo/go-nogo.cli.ts', ['--stage', '10', '--bogus']);
    expect([bad.status, bad.stderr]).toEqual([2, expect.stringContaining("Unknown option '--bogus'")]);
  });
});
