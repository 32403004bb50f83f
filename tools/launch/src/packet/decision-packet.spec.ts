import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeFigures } from '../perf/perf-figures';
import { PREFLIGHT_STEPS, type StepResult } from '../preflight/step-runner';
import { fakeBinary, ROOT, runLaunchCli } from '../testing/run-cli';
import { buildPacket, reusedPreflight } from './decision-packet';

/** A launch-preflight summary.md of `commit`: every step PASSED (11 s each) unless `status` says otherwise (undefined: the row is missing). */
function preflightSummary(commit: string, status: Record<string, string | undefined>): string {
  const rows = PREFLIGHT_STEPS.filter((s) => !(s in status) || status[s] !== undefined).map(
    (s) => `| ${s} | ${status[s] ?? 'PASSED'} | 11 | 0 | /x/${s}.log |`,
  );
  const ok = rows.every((r) => r.includes('PASSED')) && rows.length === PREFLIGHT_STEPS.length;
  return `# Launch preflight\n\n- commit: ${commit}\n\n| step | result | seconds | exit | log |\n| --- | --- | ---: | ---: | --- |\n${rows.join('\n')}\n\n${ok ? '[OK] launch preflight passed' : '[FAIL] launch preflight failed'}\n`;
}

const passed = (name: string): StepResult => ({ name, status: 'passed', exitCode: 0, seconds: 1, log: `/x/${name}.log` });

function perfArtifact(dir: string, readMs: number, writeMs: number): string {
  const rows = [
    routeFigures('GET /r', 'read', Array(20).fill(readMs), Array(20).fill(200), 0),
    routeFigures('PUT /w', 'write', Array(20).fill(writeMs), Array(20).fill(200), 0),
  ];
  const path = join(dir, 'perf.json');
  writeFileSync(
    path,
    JSON.stringify({ routes: rows, goNoGo: { readP95Ms: readMs, writeP95Ms: writeMs, error5xxPercent: 0 }, passed: true }),
  );
  return path;
}

describe('launch-decision-packet', () => {
  it('is GO when every step passed and the perf figures are GO for the stage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packet-'));
    writeFileSync(join(dir, 'readiness.log'), '[OK] cluster context: gke (external)\n[READY] launch readiness gate passed\n');
    writeFileSync(join(dir, 'soak-in.md'), '# Staging soak\n\n2/2 rounds passed\n');
    const p = buildPacket({
      at: new Date('2026-12-01T12:00:00Z'),
      commit: 'abc',
      steps: ['preflight', 'perf', 'readiness'].map(passed),
      perfArtifact: perfArtifact(dir, 40, 90),
      readinessLog: join(dir, 'readiness.log'),
      soakReport: join(dir, 'soak-in.md'),
      stage: 1,
    });
    expect(p.go).toBe(true);
    expect(p.markdown).toContain('- [READY] launch readiness gate passed');
    expect(p.markdown).toContain('| GET /r | read | 20 | 40 | 40 | 40 | 0 | 0 |');
    expect(p.markdown).toContain('2/2 rounds passed');
    expect(p.markdown).toContain('**GO** for stage 1');
  });

  it('is NO-GO with a reason per failed step, missing perf artifact or STOP figure', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packet-'));
    const failed: StepResult = { name: 'preflight', status: 'timeout', exitCode: null, seconds: 1800, log: '/x/preflight.log' };
    const none = buildPacket({ at: new Date(), commit: 'abc', steps: [failed], perfArtifact: join(dir, 'missing.json'), stage: 1 });
    expect([none.go, none.reasons]).toEqual([false, ['preflight: timeout', 'no perf-smoke artifact']]);
    const slow = buildPacket({
      at: new Date(),
      commit: 'abc',
      steps: [passed('perf')],
      perfArtifact: perfArtifact(dir, 400, 90),
      stage: 1,
    });
    expect(slow.reasons).toEqual(['[STOP] stage 1: read_p95_ms 400 ms is not below 400 ms (MAX_READ_P95_MS)']);
    expect(slow.markdown).toContain('**NO-GO**');
  });

  it('the CLI writes the evidence folder and summary.md, NO-GO while a step was not run (readiness with a fake kubectl)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'packet-cli-')), 'packet');
    mkdirSync(dir);
    perfArtifact(dir, 30, 60);
    const kubectl = fakeBinary('kubectl', { stdout: 'gke_mikas_prod' });
    const r = runLaunchCli('packet/decision-packet.cli.ts', ['--steps', 'readiness'], {
      PATH: `${kubectl.dir}:${process.env.PATH}`,
      LAUNCH_PACKET_DIR: dir,
    });
    expect(r.stdout.trim().split('\n').at(-1)).toBe('[NO-GO] decision packet: preflight: not run; perf: not run');
    expect(r.status).toBe(1);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('| readiness | PASSED |');
    expect(summary).toContain('- [OK] cluster context: gke_mikas_prod (external)');
    const bad = runLaunchCli('packet/decision-packet.cli.ts', ['--steps', 'preflight,deploy'], { LAUNCH_PACKET_DIR: dir });
    expect(bad.status).toBe(2);
  }, 60_000);

  it('LAUNCH_PACKET_PREFLIGHT_DIR reuses a finished preflight of this commit instead of running it again', () => {
    const root = mkdtempSync(join(tmpdir(), 'packet-reuse-'));
    const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
    mkdirSync(join(root, 'preflight'));
    writeFileSync(join(root, 'preflight', 'summary.md'), preflightSummary(head, {}));
    const kubectl = fakeBinary('kubectl', { stdout: 'gke_mikas_prod' });
    const run = (env: Record<string, string>) =>
      runLaunchCli('packet/decision-packet.cli.ts', ['--steps', 'preflight,readiness'], {
        PATH: `${kubectl.dir}:${process.env.PATH}`,
        ...env,
      });
    const r = run({ LAUNCH_PACKET_DIR: join(root, 'packet'), LAUNCH_PACKET_PREFLIGHT_DIR: join(root, 'preflight') });
    expect(r.stdout).toContain(`preflight: reusing ${join(root, 'preflight', 'summary.md')} (PASSED)`);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('[NO-GO] decision packet: perf: not run; no perf-smoke artifact'); // the reused preflight counts
    expect(readFileSync(join(root, 'packet', 'summary.md'), 'utf8')).toMatch(
      /\| preflight \| PASSED \| 66 \| 0 \| .*packet\/preflight\/summary\.md \|/,
    );
    expect(readFileSync(join(root, 'packet', 'preflight', 'summary.md'), 'utf8')).toContain(`- commit: ${head}`);
    const missing = run({ LAUNCH_PACKET_DIR: join(root, 'p2'), LAUNCH_PACKET_PREFLIGHT_DIR: join(root, 'nowhere') });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('LAUNCH_PACKET_PREFLIGHT_DIR: no summary.md in');
  }, 60_000);

  it('a reused preflight is a reason against GO when it ran on another commit or a step did not pass', () => {
    const ok = reusedPreflight(preflightSummary('abc', {}), '/x/summary.md', 'abc');
    expect([ok.result.status, ok.result.seconds, ok.problems]).toEqual(['passed', 66, []]);
    const stale = reusedPreflight(preflightSummary('old', {}), '/x/summary.md', 'abc');
    expect(stale.problems).toEqual(['preflight (reused): ran on commit old, the packet is for abc']);
    const partial = reusedPreflight(preflightSummary('abc', { test: 'TIMEOUT', 'e2e-smoke': undefined }), '/x/summary.md', 'abc');
    expect(partial.result.status).toBe('failed');
    expect(partial.problems).toEqual(['preflight (reused): test timeout', 'preflight (reused): e2e-smoke not run']);
    const legacy = reusedPreflight(preflightSummary('abc', {}).replace('- commit: abc\n', ''), '/x/summary.md', 'abc');
    expect(legacy.problems).toEqual(['preflight (reused): ran on commit unknown (no commit line), the packet is for abc']);
  });

  it('is NO-GO for each required step that did not run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'packet-'));
    const p = buildPacket({
      at: new Date(),
      commit: 'abc',
      steps: [passed('perf')],
      perfArtifact: perfArtifact(dir, 40, 90),
      stage: 1,
      required: ['preflight', 'perf', 'readiness'],
    });
    expect([p.go, p.reasons]).toEqual([false, ['preflight: not run', 'readiness: not run']]);
  });
});
