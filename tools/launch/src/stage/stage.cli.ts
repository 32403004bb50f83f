import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { type CommandSpec, progress, readBoolean, runCli, UsageError } from '../cli/cli-command';
import { evaluate, metricsFromArgs, thresholdsFromEnv } from '../go-nogo/go-nogo';
import { METRIC_OPTIONS, THRESHOLD_ENV } from '../go-nogo/go-nogo-options';
import { type RollbackOutcome, writeStageEvidence } from './stage-evidence';

const ROOT = resolve(__dirname, '../../../..');
const DEFAULT_ROLLBACK = 'make staging-rollback';

const SPEC: CommandSpec = {
  name: 'launch-stage',
  summary: 'runs one rollout stage decision (launch-go-nogo), writes the evidence, and rolls back on STOP',
  options: {
    ...METRIC_OPTIONS,
    owner: { type: 'string', description: 'who runs this stage (required)' },
    notes: { type: 'string', description: 'free text for the report (rollout window, ticket, …)' },
  },
  env: [
    ...THRESHOLD_ENV,
    {
      name: 'LAUNCH_EVIDENCE_DIR',
      default: 'tmp/launch/evidence',
      description: 'where rollout-report.md, evaluation.log and incidents.md go',
    },
    { name: 'LAUNCH_AUTO_ROLLBACK', default: 'true', description: 'false: on STOP, record the incident but do not roll back' },
    {
      name: 'LAUNCH_ROLLBACK_COMMAND',
      default: DEFAULT_ROLLBACK,
      description: 'the rollback run on STOP (shell command, from the repo root)',
    },
  ],
  exitCodes: {
    0: 'GO (evidence written)',
    1: 'STOP (evidence and incident written; rolled back unless LAUNCH_AUTO_ROLLBACK=false)',
    2: 'missing or bad arguments',
    3: 'STOP and the rollback failed',
  },
  examples: [
    'make launch-stage ARGS="--stage 10 --read-p95-ms 285 --write-p95-ms 430 --error-5xx-percent 0.22 --owner sre-oncall --notes rollout-window-2"',
  ],
};

runCli(SPEC, (values) => {
  const metrics = metricsFromArgs(values);
  const owner = typeof values.owner === 'string' ? values.owner.trim() : '';
  if (!owner) throw new UsageError('--owner is required (who runs this stage)');
  const notes = typeof values.notes === 'string' ? values.notes : '';
  const rollbackWanted = readBoolean(process.env, 'LAUNCH_AUTO_ROLLBACK', true);
  const decision = evaluate(metrics, thresholdsFromEnv(process.env));
  const say = progress('launch-stage');
  process.stdout.write(`${decision.lines.join('\n')}\n`);

  let rollback: RollbackOutcome = { kind: 'not-needed' };
  if (!decision.go && !rollbackWanted) rollback = { kind: 'skipped', reason: 'LAUNCH_AUTO_ROLLBACK=false' };
  if (!decision.go && rollbackWanted) {
    const command = process.env.LAUNCH_ROLLBACK_COMMAND?.trim() || DEFAULT_ROLLBACK;
    say(`STOP: rolling back with ${command}`);
    const r = spawnSync(command, { cwd: ROOT, shell: true, stdio: 'inherit', env: process.env });
    rollback = { kind: 'ran', command, exitCode: r.status ?? 1 };
    say(`rollback ${rollback.exitCode === 0 ? 'done' : `FAILED (exit ${rollback.exitCode})`}`);
  }
  const dir = resolve(ROOT, process.env.LAUNCH_EVIDENCE_DIR || 'tmp/launch/evidence');
  const paths = writeStageEvidence(dir, decision, { owner, notes, at: new Date() }, rollback);
  say(`evidence: ${paths.report}, ${paths.log}${decision.go ? '' : `, ${paths.incidents}`}`);
  if (decision.go) return 0;
  return rollback.kind === 'ran' && rollback.exitCode !== 0 ? 3 : 1;
});
