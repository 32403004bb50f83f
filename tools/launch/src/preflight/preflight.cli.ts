import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type CommandSpec, progress, runCli, UsageError } from '../cli/cli-command';
import { parseNumber } from '../go-nogo/go-nogo';
import { PREFLIGHT_STEPS, runSteps, type Step, stepsTable } from './step-runner';

const ROOT = resolve(__dirname, '../../../..');

/**
 * Seed 000's preflight, in order: each a pnpm script. Jest gets `--ci --forceExit`: a handle a
 * failed suite leaked must not hold a finished run open until the preflight's timeout (in a
 * full run under load it did, and every later step was lost).
 */
const STEPS: Step[] = PREFLIGHT_STEPS.map((name) => ({
  name,
  command: 'pnpm',
  args: ['run', '--silent', name, ...(name === 'test' ? ['--ci', '--forceExit'] : [])],
}));

const SPEC: CommandSpec = {
  name: 'launch-preflight',
  summary: 'guard, tests, build, contract-check, e2e-smoke and kube-validate in one bounded run, with a summary table',
  options: { steps: { type: 'string', description: `comma list of steps to run (default all: ${STEPS.map((s) => s.name).join(',')})` } },
  env: [
    {
      name: 'LAUNCH_PREFLIGHT_TIMEOUT_SECONDS',
      default: '1800',
      description: 'bound of the whole run; the running step is killed, the rest skipped',
    },
    { name: 'LAUNCH_PREFLIGHT_DIR', default: 'tmp/launch/preflight-<time>', description: 'where each step’s log and summary.md go' },
  ],
  exitCodes: { 0: 'every step passed', 1: 'a step failed', 2: 'bad arguments', 3: 'the timeout was reached' },
  examples: [
    'make launch-preflight',
    'LAUNCH_PREFLIGHT_TIMEOUT_SECONDS=3600 make launch-preflight',
    'pnpm run launch-preflight --steps guard,kube-validate',
  ],
};

runCli(SPEC, async (values) => {
  const wanted =
    typeof values.steps === 'string'
      ? values.steps
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : STEPS.map((s) => s.name);
  const unknown = wanted.filter((w) => !STEPS.some((s) => s.name === w));
  if (unknown.length || wanted.length === 0)
    throw new UsageError(`--steps: unknown step(s) ${unknown.join(', ') || '(none given)'}; known: ${STEPS.map((s) => s.name).join(', ')}`);
  const raw = process.env.LAUNCH_PREFLIGHT_TIMEOUT_SECONDS;
  const timeoutSeconds = raw?.trim() ? parseNumber('LAUNCH_PREFLIGHT_TIMEOUT_SECONDS', raw) : 1800;
  if (timeoutSeconds <= 0) throw new UsageError('LAUNCH_PREFLIGHT_TIMEOUT_SECONDS must be above 0');
  const dir = resolve(ROOT, process.env.LAUNCH_PREFLIGHT_DIR || `tmp/launch/preflight-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const say = progress('launch-preflight');
  say(`${wanted.length} step(s), bounded by ${timeoutSeconds} s (LAUNCH_PREFLIGHT_TIMEOUT_SECONDS); logs in ${dir}`);
  const results = await runSteps(
    STEPS.filter((s) => wanted.includes(s.name)),
    { cwd: ROOT, dir, timeoutMs: timeoutSeconds * 1000, say },
  );
  const table = stepsTable(results);
  const timedOut = results.some((r) => r.status === 'timeout');
  const passed = results.every((r) => r.status === 'passed');
  const verdict = passed
    ? '[OK] launch preflight passed'
    : timedOut
      ? `[FAIL] launch preflight hit its ${timeoutSeconds} s timeout`
      : '[FAIL] launch preflight failed';
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() || 'unknown';
  writeFileSync(resolve(dir, 'summary.md'), `# Launch preflight\n\n- commit: ${commit}\n\n${table.join('\n')}\n\n${verdict}\n`);
  process.stdout.write(`\n${table.join('\n')}\n\nsummary: ${resolve(dir, 'summary.md')}\n${verdict}\n`);
  return passed ? 0 : timedOut ? 3 : 1;
});
