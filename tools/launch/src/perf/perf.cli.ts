import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createContractValidator } from '@mikasmissions/testing';
import { type CommandSpec, progress, readBoolean, runCli, UsageError } from '../cli/cli-command';
import { parseNumber } from '../go-nogo/go-nogo';
import { smokeContext } from '../smoke/smoke-client';
import { FLOWS } from '../smoke/smoke-run';
import { gatewayUrlFrom, openStack } from '../smoke/smoke-stack';
import { budgetBreaches, figuresTable, goNoGoInputs, type RouteFigures } from './perf-figures';
import { driveRoute, perfRoutes } from './perf-run';

const ROOT = resolve(__dirname, '../../../..');

const SPEC: CommandSpec = {
  name: 'perf-smoke',
  summary: 'drives read and write routes through the gateway with autocannon; prints p50/p95/p99 and 5xx % per route; fails over budget',
  env: [
    {
      name: 'GATEWAY_URL',
      default: 'http://localhost:8080',
      description: 'the gateway to drive; when /health does not answer, the stack is started (memory mode)',
    },
    { name: 'SMOKE_START_STACK', default: 'true', description: 'false: fail instead of starting a stack' },
    { name: 'P95_BUDGET_MS', default: '60', description: 'every route’s p95 must be at or below' },
    { name: 'P99_BUDGET_MS', default: '150', description: 'every route’s p99 must be at or below' },
    { name: 'PERF_SECONDS', default: '5', description: 'seconds of load per route (after a 1 s warm-up)' },
    { name: 'PERF_CONNECTIONS', default: '10', description: 'concurrent connections per route' },
    { name: 'PERF_ARTIFACT', default: 'tmp/perf-smoke/perf-smoke-<time>.json', description: 'where the JSON artifact goes' },
  ],
  exitCodes: { 0: 'every route within budget', 1: 'a route over budget, without answers, or the setup failed', 2: 'bad env' },
  examples: ['pnpm run perf-smoke', 'P95_BUDGET_MS=40 PERF_SECONDS=10 pnpm run perf-smoke'],
};

const envNumber = (name: string, fallback: number) => (process.env[name]?.trim() ? parseNumber(name, process.env[name]) : fallback);

runCli(SPEC, async () => {
  const budgets = { p95Ms: envNumber('P95_BUDGET_MS', 60), p99Ms: envNumber('P99_BUDGET_MS', 150) };
  const seconds = envNumber('PERF_SECONDS', 5);
  const connections = envNumber('PERF_CONNECTIONS', 10);
  if (seconds < 1 || connections < 1) throw new UsageError('PERF_SECONDS and PERF_CONNECTIONS must be at least 1');
  const say = progress('perf-smoke');
  const stack = await openStack(FLOWS.family.apps, process.env, say, readBoolean(process.env, 'SMOKE_START_STACK', true));
  if (!stack) {
    process.stdout.write(`[FAIL] gateway: no answer from ${gatewayUrlFrom(process.env)}/health (SMOKE_START_STACK=false)\n`);
    return 1;
  }
  try {
    const ctx = smokeContext(stack.gatewayUrl, createContractValidator(), stack, (line) => process.stdout.write(`${line}\n`));
    const { routes, token } = await perfRoutes(ctx);
    const rows: RouteFigures[] = [];
    for (const route of routes) {
      say(`${route.name}: 1 s warm-up, then ${seconds} s at ${connections} connections`);
      await driveRoute(stack.gatewayUrl, route, token, 1, connections);
      rows.push(await driveRoute(stack.gatewayUrl, route, token, seconds, connections));
    }
    const breaches = budgetBreaches(rows, budgets);
    const artifact = resolve(
      ROOT,
      process.env.PERF_ARTIFACT || `tmp/perf-smoke/perf-smoke-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
    );
    mkdirSync(dirname(artifact), { recursive: true });
    const report = {
      at: new Date().toISOString(),
      gateway: stack.gatewayUrl,
      startedStack: stack.started,
      seconds,
      connections,
      budgets,
      routes: rows,
      goNoGo: goNoGoInputs(rows),
      breaches,
      passed: breaches.length === 0,
    };
    writeFileSync(artifact, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`\n${figuresTable(rows).join('\n')}\n\n`);
    const g = report.goNoGo;
    process.stdout.write(
      `go/no-go inputs: --read-p95-ms ${g.readP95Ms} --write-p95-ms ${g.writeP95Ms} --error-5xx-percent ${g.error5xxPercent}\n`,
    );
    process.stdout.write(`artifact: ${artifact}\n`);
    for (const b of breaches) process.stdout.write(`[OVER BUDGET] ${b}\n`);
    process.stdout.write(
      breaches.length
        ? `[FAIL] perf smoke: ${breaches.length} budget breach(es) (p95 ≤ ${budgets.p95Ms} ms, p99 ≤ ${budgets.p99Ms} ms)\n`
        : `[OK] perf smoke within budget (p95 ≤ ${budgets.p95Ms} ms, p99 ≤ ${budgets.p99Ms} ms)\n`,
    );
    return breaches.length ? 1 : 0;
  } finally {
    if (stack.started) say('stopping the stack');
    await stack.stop();
  }
});
