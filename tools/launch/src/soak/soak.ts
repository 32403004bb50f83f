import { UsageError } from '../cli/cli-command';
import { parseNumber } from '../go-nogo/go-nogo';
import { type FlowName, isFlow, type SmokeResult } from '../smoke/smoke-run';

/** How a soak runs: against which target, how long, how often, which flows, and whether the first failure ends it. */
export interface SoakPlan {
  target: string;
  hours: number;
  intervalMinutes: number;
  failFast: boolean;
  flows: FlowName[];
  rounds: number;
}

/** One round of probes: when it ran and each flow's result. */
export interface SoakRound {
  round: number;
  at: Date;
  results: SmokeResult[];
}

/**
 * The plan from `SOAK_TARGET_URL` (required), `SOAK_HOURS` (default `hours`), `SOAK_INTERVAL_MINUTES`
 * (default `intervalMinutes`), `SOAK_FAIL_FAST` and `SOAK_FLOWS` (default `family,auth`): one
 * round at the start and one every interval until the hours are up, so 1 h at 60 min is 2 rounds.
 */
export function soakPlan(env: NodeJS.ProcessEnv, defaults = { hours: 24, intervalMinutes: 60 }): SoakPlan {
  const target = env.SOAK_TARGET_URL?.trim().replace(/\/+$/, '');
  if (!target) throw new UsageError('SOAK_TARGET_URL is required (the gateway to probe, e.g. https://staging.example.com)');
  if (!/^https?:\/\//.test(target)) throw new UsageError(`SOAK_TARGET_URL must be an http(s) URL, got "${target}"`);
  const hours = env.SOAK_HOURS?.trim() ? parseNumber('SOAK_HOURS', env.SOAK_HOURS) : defaults.hours;
  const intervalMinutes = env.SOAK_INTERVAL_MINUTES?.trim()
    ? parseNumber('SOAK_INTERVAL_MINUTES', env.SOAK_INTERVAL_MINUTES)
    : defaults.intervalMinutes;
  if (hours <= 0 || intervalMinutes <= 0) throw new UsageError('SOAK_HOURS and SOAK_INTERVAL_MINUTES must be above 0');
  const failFastRaw = (env.SOAK_FAIL_FAST ?? 'false').trim().toLowerCase();
  if (!['true', 'false', ''].includes(failFastRaw))
    throw new UsageError(`SOAK_FAIL_FAST must be true or false, got "${env.SOAK_FAIL_FAST}"`);
  const flows = (env.SOAK_FLOWS?.trim() || 'family,auth').split(',').map((f) => f.trim());
  const bad = flows.filter((f) => !isFlow(f));
  if (bad.length) throw new UsageError(`SOAK_FLOWS: unknown flow(s) ${bad.join(', ')} (family, auth, admin)`);
  return {
    target,
    hours,
    intervalMinutes,
    failFast: failFastRaw === 'true',
    flows: flows as FlowName[],
    rounds: Math.floor((hours * 60) / intervalMinutes + 1e-9) + 1,
  };
}

/** Whether every flow of every round passed. */
export function soakPassed(rounds: readonly SoakRound[]): boolean {
  return rounds.length > 0 && rounds.every((r) => r.results.every((x) => x.ok));
}

/** The summary table: one row per round (time, each flow's verdict, the first failed step). */
export function soakTable(plan: SoakPlan, rounds: readonly SoakRound[]): string[] {
  const cell = (r: SmokeResult | undefined) => (!r ? '—' : r.ok ? `ok (${(r.ms / 1000).toFixed(1)} s)` : 'FAIL');
  const failure = (round: SoakRound) => {
    const f = round.results.find((r) => !r.ok);
    return f ? `${f.flow}: ${f.failedStep}: ${(f.message ?? '').replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 160)}` : '';
  };
  const passed = rounds.filter((r) => r.results.every((x) => x.ok)).length;
  return [
    `| round | time (UTC) | ${plan.flows.join(' | ')} | failure |`,
    `| ---: | --- | ${plan.flows.map(() => '---').join(' | ')} | --- |`,
    ...rounds.map(
      (r) =>
        `| ${r.round} | ${r.at.toISOString()} | ${plan.flows.map((f) => cell(r.results.find((x) => x.flow === f))).join(' | ')} | ${failure(r)} |`,
    ),
    '',
    `${passed}/${rounds.length} rounds passed (planned ${plan.rounds}: ${plan.hours} h every ${plan.intervalMinutes} min against ${plan.target})`,
  ];
}
