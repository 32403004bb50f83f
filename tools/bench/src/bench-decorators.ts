import autocannon from 'autocannon';
import { median, residentMiB, startProcess, type Started } from './bench-processes';

/**
 * `pnpm run bench:decorators`: the request pipeline's cost, side by side in one run. Starts a
 * bare NestJS + Fastify app (the baseline) and the platform apps (analytics with FLAG_BENCH,
 * identity, outbox-relay) on Fastify in memory mode, all on 127.0.0.1, then measures each case
 * with autocannon: a 2 s warm-up per case, then BENCH_SECONDS (default 5) interleaved 1 s
 * rounds (medians, so drift hits every case alike), BENCH_CONNECTIONS (default 50).
 * Every row is a ratio to the bare app. BENCH_REDIS=true puts cache and idempotency in Redis.
 * It also prints each app's resident memory at idle and after the load, and how busy the
 * bench's own process (autocannon, in-process) was during each case: a client near 100 % of a
 * core would cap the bare row and flatter every ratio.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const REDIS = process.env.BENCH_REDIS === 'true';

interface Case {
  name: string;
  target: 'bare' | 'analytics' | 'identity';
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  bar?: number;
}

const platformEnv = (port: string): Record<string, string> => ({
  NODE_ENV: 'development',
  LISTEN_HOST: '127.0.0.1',
  JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
  AUTH_DEV_LOGIN: 'true',
  LOG_LEVEL: 'silent',
  USE_FASTIFY: 'true',
  FLAG_BENCH: 'true',
  [port]: '0',
  ...(REDIS ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', PERSISTENCE_MODE: 'auto' } : { PERSISTENCE_MODE: 'memory' }),
});

async function devToken(analytics: string): Promise<string> {
  const res = await fetch(`${analytics}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'bench-user' }),
  });
  if (!res.ok) throw new Error(`dev login answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

function cases(token: string): Case[] {
  const auth = { authorization: `Bearer ${token}`, 'x-tenant-id': 'default' };
  return [
    { name: 'bare NestJS + Fastify, one JSON route', target: 'bare', path: 'bare' },
    { name: 'undecorated route (class @Flag only)', target: 'analytics', path: 'bench/bare', bar: 60 },
    { name: 'GET /health', target: 'analytics', path: 'health' },
    { name: '@Serialize', target: 'analytics', path: 'bench/serialized' },
    { name: '@Cache HIT', target: 'analytics', path: 'bench/cached' },
    { name: '@Cache HIT with context and auth (bearer + tenant)', target: 'analytics', path: 'bench/cached', headers: auth, bar: 40 },
    { name: 'all decorators stacked, HIT, with auth', target: 'analytics', path: 'bench/stacked', headers: auth, bar: 30 },
    {
      name: '@Idempotency replay',
      target: 'analytics',
      path: 'bench/idempotent',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${Date.now()}` },
      body: JSON.stringify({ type: 'purchase' }),
    },
    { name: '@Resilience closed', target: 'analytics', path: 'bench/resilient' },
    { name: 'GET /events (HIT + Serialize)', target: 'analytics', path: 'events' },
    { name: 'identity GET /v1/health', target: 'identity', path: 'health' },
  ];
}

const run = async (url: string, c: Case, seconds: number) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  process.stdout.write(`bench: ${c.name}: ${seconds} s, ${CONNECTIONS} connections…\n`);
  const result = await autocannon({
    url: `${url}/${c.path}`,
    method: c.method ?? 'GET',
    headers: c.headers,
    body: c.body,
    connections: CONNECTIONS,
    duration: seconds,
  });
  const used = process.cpuUsage(cpu);
  return { result, clientCpu: (used.user + used.system) / 1000 / (performance.now() - started) };
};

async function main(): Promise<void> {
  process.stdout.write('bench:decorators: starting the bare app, analytics, identity and outbox-relay…\n');
  const started: Started[] = [];
  try {
    started.push(await startProcess('bare', 'tools/bench/src/bare-nest-app.ts', { BENCH_BARE_PORT: '0' }));
    started.push(await startProcess('analytics', 'apps/analytics/src/main.ts', platformEnv('ANALYTICS_PORT'), 'api/v1/analytics'));
    started.push(await startProcess('identity', 'apps/identity/src/main.ts', platformEnv('IDENTITY_PORT'), 'v1'));
    started.push(await startProcess('outbox-relay', 'apps/outbox-relay/src/main.ts', platformEnv('OUTBOX_RELAY_PORT'), 'outbox-relay'));
    const urls = Object.fromEntries(started.map((s) => [s.name, s.url])) as Record<Case['target'], string>;
    await new Promise((r) => setTimeout(r, 2_000));
    const idle = started.map((s) => residentMiB(s.child.pid));
    const list = cases(await devToken(urls.analytics));
    const samples = list.map(() => ({ rps: [] as number[], p99: [] as number[], cpu: [] as number[], errors: 0 }));
    for (const c of list) {
      const probe = await fetch(`${urls[c.target]}/${c.path}`, { method: c.method ?? 'GET', headers: c.headers, body: c.body });
      if (probe.status >= 400) throw new Error(`${c.name}: ${c.path} answered ${probe.status}: ${await probe.text()}`);
      process.stdout.write(`  warm-up: ${c.name}\n`);
      await run(urls[c.target], c, 2);
    }
    for (let round = 0; round < SECONDS; round++) {
      process.stdout.write(`  round ${round + 1}/${SECONDS}\n`);
      for (const [i, c] of list.entries()) {
        const { result: r, clientCpu } = await run(urls[c.target], c, 1);
        samples[i].cpu.push(clientCpu);
        samples[i].rps.push(r.requests.average);
        samples[i].p99.push(r.latency.p99);
        samples[i].errors += r.errors + r.non2xx;
      }
    }
    const loaded = started.map((s) => residentMiB(s.child.pid));
    const rows = list.map((c, i) => ({
      c,
      rps: Math.round(median(samples[i].rps)),
      p99: median(samples[i].p99),
      cpu: Math.round(median(samples[i].cpu) * 100),
      errors: samples[i].errors,
    }));
    const bare = rows[0].rps;
    const verdict = (ratio: number, bar?: number) => (bar === undefined ? '' : ratio >= bar ? `≥ ${bar}% ✓` : `< ${bar}% ✗`);
    const lines = [
      '',
      `Fastify, ${CONNECTIONS} connections, ${SECONDS} interleaved 1 s rounds per case (medians), runtime Node ${process.version} (${process.execPath}), stores: ${REDIS ? 'redis' : 'memory'}`,
      '',
      '| case | req/s | of bare | bar | p99 ms | errors | client CPU |',
      '|---|---:|---:|---|---:|---:|---:|',
      ...rows.map((r) => {
        const ratio = Math.round((r.rps / bare) * 100);
        return `| ${r.c.name} | ${r.rps} | ${ratio}% | ${verdict(ratio, r.c.bar)} | ${r.p99} | ${r.errors} | ${r.cpu}% |`;
      }),
      '',
      '| process | RSS idle MiB | RSS after load MiB |',
      '|---|---:|---:|',
      ...started.map((s, i) => `| ${s.name} | ${idle[i]} | ${loaded[i]} |`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    for (const s of started) s.child.kill('SIGTERM');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:decorators failed: ${(error as Error).message}\n`);
  process.exit(1);
});
