import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Seed 000's preflight steps, in order: each a pnpm script (launch-preflight runs them; the decision packet requires them). */
export const PREFLIGHT_STEPS = ['guard', 'test', 'build', 'contract-check', 'e2e-smoke', 'kube-validate'] as const;

/** One step: a command run from the repo root, its output going to `<dir>/<name>.log`. */
export interface Step {
  name: string;
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** How a step ended. */
export type StepStatus = 'passed' | 'failed' | 'timeout' | 'skipped';

/** A step's outcome: status, exit code, seconds and its log file. */
export interface StepResult {
  name: string;
  status: StepStatus;
  exitCode: number | null;
  seconds: number;
  log: string;
}

/** Options of {@link runSteps}. */
export interface RunStepsOptions {
  cwd: string;
  /** Where each step's log goes (made when missing). */
  dir: string;
  /** The whole run's bound: the running step is killed at it, later steps are skipped. */
  timeoutMs: number;
  /** Progress lines (step start, a heartbeat every `heartbeatMs`, step end). */
  say: (line: string) => void;
  heartbeatMs?: number;
  /** Keep going after a failed step (default true: the summary shows every step). */
  continueOnFailure?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Runs `step` to its end or to `deadline`, killing its whole process group at the deadline. */
function runStep(step: Step, options: RunStepsOptions, deadline: number): Promise<StepResult> {
  const log = join(options.dir, `${step.name}.log`);
  const out = createWriteStream(log);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(step.command, step.args, {
      cwd: options.cwd,
      env: { ...(options.env ?? process.env), ...step.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    let timedOut = false;
    const kill = setTimeout(
      () => {
        timedOut = true;
        try {
          process.kill(-child.pid!, 'SIGTERM');
          setTimeout(() => {
            try {
              process.kill(-child.pid!, 'SIGKILL');
            } catch {
              /* already gone */
            }
          }, 5_000).unref();
        } catch {
          /* already gone */
        }
      },
      Math.max(0, deadline - Date.now()),
    );
    const beat = setInterval(
      () => options.say(`${step.name}: running (${Math.round((Date.now() - t0) / 1000)} s, log ${log})`),
      options.heartbeatMs ?? 30_000,
    );
    const finish = (exitCode: number | null) => {
      clearTimeout(kill);
      clearInterval(beat);
      out.end();
      const seconds = Math.round((Date.now() - t0) / 100) / 10;
      resolve({ name: step.name, status: timedOut ? 'timeout' : exitCode === 0 ? 'passed' : 'failed', exitCode, seconds, log });
    };
    child.once('error', (error) => {
      out.write(`${step.command}: ${error.message}\n`);
      finish(127);
    });
    child.once('close', (code) => finish(code));
  });
}

/**
 * Runs `steps` one after another under one deadline (`timeoutMs` from now), each step's output
 * in its own log file, with a progress line at each start, every heartbeat and each end.
 * Steps after a timeout are `skipped`; after a failure too when `continueOnFailure` is false.
 */
export async function runSteps(steps: readonly Step[], options: RunStepsOptions): Promise<StepResult[]> {
  mkdirSync(options.dir, { recursive: true });
  const deadline = Date.now() + options.timeoutMs;
  const results: StepResult[] = [];
  let stop: string | undefined;
  for (const [i, step] of steps.entries()) {
    if (stop) {
      results.push({ name: step.name, status: 'skipped', exitCode: null, seconds: 0, log: '' });
      continue;
    }
    options.say(`step ${i + 1}/${steps.length}: ${step.name} (${[step.command, ...step.args].join(' ')})`);
    const result = await runStep(step, options, deadline);
    options.say(
      `${step.name}: ${result.status.toUpperCase()} in ${result.seconds} s${result.status === 'passed' ? '' : ` (log ${result.log})`}`,
    );
    results.push(result);
    if (result.status === 'timeout') stop = 'timeout';
    else if (result.status === 'failed' && options.continueOnFailure === false) stop = 'failed';
  }
  return results;
}

/** The summary table: `| step | result | seconds | exit | log |`, one row per step. */
export function stepsTable(results: readonly StepResult[]): string[] {
  return [
    '| step | result | seconds | exit | log |',
    '| --- | --- | ---: | ---: | --- |',
    ...results.map((r) => `| ${r.name} | ${r.status.toUpperCase()} | ${r.seconds} | ${r.exitCode ?? '—'} | ${r.log || '—'} |`),
  ];
}
