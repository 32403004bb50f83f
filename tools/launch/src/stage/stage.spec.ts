import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate } from '../go-nogo/go-nogo';
import { fakeBinary, runLaunchCli } from '../testing/run-cli';
import { writeStageEvidence } from './stage-evidence';

const GO = ['--stage', '10', '--read-p95-ms', '285', '--write-p95-ms', '430', '--error-5xx-percent', '0.22'];
const STOP = ['--stage', '50', '--read-p95-ms', '285', '--write-p95-ms', '700', '--error-5xx-percent', '2'];
const who = ['--owner', 'sre-oncall', '--notes', 'rollout-window-2'];

describe('launch-stage', () => {
  it('writes a report row (header once), the evaluation log, and an incident only on STOP', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stage-evidence-'));
    const at = new Date('2026-12-01T12:00:00Z');
    const go = evaluate({ stage: 10, readP95Ms: 285, writeP95Ms: 430, error5xxPercent: 0.22 });
    const paths = writeStageEvidence(dir, go, { owner: 'sre | oncall', notes: 'window 2', at }, { kind: 'not-needed' });
    expect(existsSync(paths.incidents)).toBe(false);
    const stop = evaluate({ stage: 50, readP95Ms: 500, writeP95Ms: 430, error5xxPercent: 0.22 });
    writeStageEvidence(dir, stop, { owner: 'sre', notes: '', at }, { kind: 'ran', command: 'make staging-rollback', exitCode: 0 });
    const report = readFileSync(paths.report, 'utf8').trim().split('\n');
    expect(report.filter((l) => l.startsWith('| time'))).toHaveLength(1);
    expect(report.at(-2)).toBe('| 2026-12-01T12:00:00.000Z | 10 | 285 | 430 | 0.22 | GO | sre \\| oncall | window 2 | not needed |');
    expect(report.at(-1)).toBe('| 2026-12-01T12:00:00.000Z | 50 | 500 | 430 | 0.22 | STOP | sre | — | `make staging-rollback` exit 0 |');
    expect(readFileSync(paths.log, 'utf8')).toContain('[STOP] stage 50: read_p95_ms 500 ms is not below 400 ms (MAX_READ_P95_MS)');
    const incidents = readFileSync(paths.incidents, 'utf8');
    expect(incidents).toContain('## Incident: stage 50 STOP at 2026-12-01T12:00:00.000Z');
    expect(incidents).toContain('- breach: read_p95_ms 500 is not below 400 (MAX_READ_P95_MS)');
  });

  it('GO: exit 0, evidence written, no rollback run', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stage-go-'));
    const rollback = fakeBinary('rollback');
    const r = runLaunchCli('stage/stage.cli.ts', [...GO, ...who], {
      LAUNCH_EVIDENCE_DIR: dir,
      LAUNCH_ROLLBACK_COMMAND: join(rollback.dir, 'rollback'),
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^\[GO\] stage 10/);
    expect(readFileSync(join(dir, 'rollout-report.md'), 'utf8')).toContain('| GO | sre-oncall | rollout-window-2 | not needed |');
    expect(existsSync(rollback.calls)).toBe(false);
  });

  it('STOP: runs the rollback, records it and the incident, exit 1; a failed rollback exits 3', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stage-stop-'));
    const rollback = fakeBinary('rollback');
    const r = runLaunchCli('stage/stage.cli.ts', [...STOP, ...who], {
      LAUNCH_EVIDENCE_DIR: dir,
      LAUNCH_ROLLBACK_COMMAND: `${join(rollback.dir, 'rollback')} --stage-50`,
    });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('[STOP]'))).toHaveLength(2);
    expect(readFileSync(rollback.calls, 'utf8')).toBe('--stage-50\n');
    expect(readFileSync(join(dir, 'incidents.md'), 'utf8')).toContain('- rollback: `');
    const failing = fakeBinary('rollback', { code: 4 });
    const f = runLaunchCli('stage/stage.cli.ts', [...STOP, ...who], {
      LAUNCH_EVIDENCE_DIR: dir,
      LAUNCH_ROLLBACK_COMMAND: join(failing.dir, 'rollback'),
    });
    expect(f.status).toBe(3);
    expect(readFileSync(join(dir, 'incidents.md'), 'utf8')).toContain('exit 4 (FAILED)');
  });

  it('STOP with LAUNCH_AUTO_ROLLBACK=false records the incident without rolling back; missing --owner is a usage error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stage-norollback-'));
    const rollback = fakeBinary('rollback');
    const r = runLaunchCli('stage/stage.cli.ts', [...STOP, ...who], {
      LAUNCH_EVIDENCE_DIR: dir,
      LAUNCH_AUTO_ROLLBACK: 'false',
      LAUNCH_ROLLBACK_COMMAND: join(rollback.dir, 'rollback'),
    });
    expect(r.status).toBe(1);
    expect(existsSync(rollback.calls)).toBe(false);
    expect(readFileSync(join(dir, 'incidents.md'), 'utf8')).toContain('- rollback: skipped (LAUNCH_AUTO_ROLLBACK=false)');
    const usage = runLaunchCli('stage/stage.cli.ts', GO, { LAUNCH_EVIDENCE_DIR: dir });
    expect([usage.status, usage.stderr.trim()]).toEqual([2, '--owner is required (who runs this stage)']);
  });
});
