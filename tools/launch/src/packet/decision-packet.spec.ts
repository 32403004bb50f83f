import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { routeFigures } from '../perf/perf-figures';
import type { StepResult } from '../preflight/step-runner';
import { fakeBinary, runLaunchCli } from '../testing/run-cli';
import { buildPacket } from './decision-packet';

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

  it('the CLI writes the evidence folder and summary.md (readiness step with a fake kubectl, perf artifact already there)', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'packet-cli-')), 'packet');
    mkdirSync(dir);
    perfArtifact(dir, 30, 60);
    const kubectl = fakeBinary('kubectl', { stdout: 'gke_mikas_prod' });
    const r = runLaunchCli('packet/decision-packet.cli.ts', ['--steps', 'readiness'], {
      PATH: `${kubectl.dir}:${process.env.PATH}`,
      LAUNCH_PACKET_DIR: dir,
    });
    expect(r.stdout.trim().split('\n').at(-1)).toBe('[GO] decision packet: every check passed, perf GO for stage 1');
    expect(r.status).toBe(0);
    const summary = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(summary).toContain('| readiness | PASSED |');
    expect(summary).toContain('- [OK] cluster context: gke_mikas_prod (external)');
    const bad = runLaunchCli('packet/decision-packet.cli.ts', ['--steps', 'preflight,deploy'], { LAUNCH_PACKET_DIR: dir });
    expect(bad.status).toBe(2);
  }, 60_000);
});
