import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeBinary, runLaunchCli } from '../testing/run-cli';
import { runSteps, stepsTable } from './step-runner';

const sh = (name: string, script: string) => ({ name, command: 'sh', args: ['-c', script] });

describe('launch-preflight step runner', () => {
  it('runs every step, logs each, keeps going after a failure and summarises', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    const lines: string[] = [];
    const results = await runSteps([sh('one', 'echo hello'), sh('two', 'echo broken >&2; exit 3'), sh('three', 'echo after')], {
      cwd: dir,
      dir,
      timeoutMs: 30_000,
      say: (l) => lines.push(l),
    });
    expect(results.map((r) => [r.name, r.status, r.exitCode])).toEqual([
      ['one', 'passed', 0],
      ['two', 'failed', 3],
      ['three', 'passed', 0],
    ]);
    expect(readFileSync(join(dir, 'one.log'), 'utf8')).toBe('hello\n');
    expect(readFileSync(join(dir, 'two.log'), 'utf8')).toBe('broken\n');
    expect(lines).toContain('step 2/3: two (sh -c echo broken >&2; exit 3)');
    expect(stepsTable(results)[3]).toMatch(/^\| two \| FAILED \| [\d.]+ \| 3 \| .*two\.log \|$/);
  });

  it('kills the running step at the deadline and skips the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'steps-'));
    const lines: string[] = [];
    const t0 = Date.now();
    const results = await runSteps([sh('slow', 'sleep 30 & wait'), sh('never', 'echo no')], {
      cwd: dir,
      dir,
      timeoutMs: 1_000,
      say: (l) => lines.push(l),
      heartbeatMs: 300,
    });
    expect(results.map((r) => r.status)).toEqual(['timeout', 'skipped']);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(lines.some((l) => l.startsWith('slow: running ('))).toBe(true);
  });

  it('the CLI refuses unknown steps and a bad timeout (exit 2), and exits 3 when the timeout is hit', () => {
    expect(runLaunchCli('preflight/preflight.cli.ts', ['--steps', 'guard,deploy']).status).toBe(2);
    expect(runLaunchCli('preflight/preflight.cli.ts', [], { LAUNCH_PREFLIGHT_TIMEOUT_SECONDS: 'soon' }).status).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
    const r = runLaunchCli('preflight/preflight.cli.ts', ['--steps', 'kube-validate,contract-check'], {
      LAUNCH_PREFLIGHT_TIMEOUT_SECONDS: '0.5',
      LAUNCH_PREFLIGHT_DIR: dir,
    });
    expect(r.status).toBe(3);
    expect(r.stdout).toMatch(/\| contract-check \| TIMEOUT \|/);
    expect(r.stdout).toMatch(/\| kube-validate \| SKIPPED \|/);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('[FAIL] launch preflight hit its 0.5 s timeout');
  });

  it('runs jest with --ci --forceExit, so a leaked handle cannot hold a finished test step open until the timeout', () => {
    const pnpm = fakeBinary('pnpm');
    const dir = mkdtempSync(join(tmpdir(), 'preflight-'));
    const r = runLaunchCli('preflight/preflight.cli.ts', ['--steps', 'test,kube-validate'], {
      PATH: `${pnpm.dir}:${process.env.PATH}`,
      LAUNCH_PREFLIGHT_DIR: dir,
    });
    expect(r.status).toBe(0);
    expect(readFileSync(pnpm.calls, 'utf8').trim().split('\n')).toEqual([
      'run --silent test --ci --forceExit',
      'run --silent kube-validate',
    ]);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^- commit: [0-9a-f]{40}$/m);
  });
});
