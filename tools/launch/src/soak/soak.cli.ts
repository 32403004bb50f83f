import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type CommandSpec, progress, runCli } from '../cli/cli-command';
import { runSmokeFlow } from '../smoke/smoke-run';
import { externalStack } from '../smoke/smoke-stack';
import { soakPassed, soakPlan, type SoakRound, soakTable } from './soak';

const ROOT = resolve(__dirname, '../../../..');

const SPEC: CommandSpec = {
  name: 'staging-soak',
  summary: 'probes SOAK_TARGET_URL every interval with the smoke and auth flows (never a local stack); prints and writes a summary table',
  env: [
    { name: 'SOAK_TARGET_URL', description: 'required: the gateway to probe' },
    { name: 'SOAK_HOURS', default: '24', description: 'how long (fractions allowed)' },
    { name: 'SOAK_INTERVAL_MINUTES', default: '60', description: 'time between rounds; a round runs at the start and every interval' },
    { name: 'SOAK_FAIL_FAST', default: 'false', description: 'true: stop at the first failed round' },
    { name: 'SOAK_FLOWS', default: 'family,auth', description: 'the flows of a round' },
    { name: 'SOAK_REPORT', default: 'tmp/launch/soak-<time>.md', description: 'where the summary goes' },
    {
      name: 'SMOKE_PARENT_EMAIL / SMOKE_PARENT_PASSWORD / SMOKE_IDENTITY_LOG',
      description: 'consent for the target (see pnpm run e2e-smoke --help)',
    },
  ],
  exitCodes: { 0: 'every round passed', 1: 'a round failed', 2: 'bad env (e.g. no SOAK_TARGET_URL)' },
  examples: ['SOAK_TARGET_URL=https://staging.example.com SOAK_HOURS=24 SOAK_INTERVAL_MINUTES=60 make staging-soak'],
};

const sleep = (ms: number, stop: { aborted: boolean }) =>
  new Promise<void>((resolve) => {
    const end = Date.now() + ms;
    const tick = () => (stop.aborted || Date.now() >= end ? resolve() : setTimeout(tick, Math.min(1_000, end - Date.now())));
    tick();
  });

runCli(SPEC, async () => {
  const plan = soakPlan(process.env);
  const say = progress('staging-soak');
  const stack = externalStack(plan.target, process.env);
  const rounds: SoakRound[] = [];
  const stop = { aborted: false };
  process.once('SIGINT', () => (stop.aborted = true));
  process.once('SIGTERM', () => (stop.aborted = true));
  say(
    `${plan.rounds} round(s) of ${plan.flows.join(' + ')} against ${plan.target}: ${plan.hours} h, every ${plan.intervalMinutes} min${plan.failFast ? ', fail fast' : ''}`,
  );
  const start = Date.now();
  for (let i = 0; i < plan.rounds && !stop.aborted; i++) {
    await sleep(start + i * plan.intervalMinutes * 60_000 - Date.now(), stop);
    if (stop.aborted) break;
    say(`round ${i + 1}/${plan.rounds}`);
    const round: SoakRound = { round: i + 1, at: new Date(), results: [] };
    for (const flow of plan.flows) round.results.push(await runSmokeFlow(flow, stack, (line) => process.stdout.write(`    ${line}\n`)));
    rounds.push(round);
    const ok = round.results.every((r) => r.ok);
    say(`round ${i + 1}: ${ok ? 'ok' : 'FAILED'}${i + 1 < plan.rounds ? `; next in ${plan.intervalMinutes} min` : ''}`);
    if (!ok && plan.failFast) {
      say('SOAK_FAIL_FAST=true: stopping');
      break;
    }
  }
  const table = soakTable(plan, rounds);
  const report = resolve(ROOT, process.env.SOAK_REPORT || `tmp/launch/soak-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
  mkdirSync(dirname(report), { recursive: true });
  writeFileSync(report, `# Staging soak\n\n${table.join('\n')}\n`);
  const passed = soakPassed(rounds) && !stop.aborted;
  process.stdout.write(`\n${table.join('\n')}\nsummary: ${report}\n${passed ? '[OK] soak passed' : '[FAIL] soak failed'}\n`);
  return passed ? 0 : 1;
});
