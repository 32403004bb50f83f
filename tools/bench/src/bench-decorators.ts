import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';

/**
 * `pnpm run bench:decorators`: boots analytics on Fastify as a child process (127.0.0.1 only,
 * memory stores, FLAG_BENCH=true) and measures requests/s and p50/p99 latency of the same
 * ten-event payload bare and behind each decorator: a 2 s warm-up of every case, then
 * BENCH_SECONDS (default 5) interleaved 1 s rounds per case (medians, so load drift hits every case alike),
 * BENCH_CONNECTIONS (default 50); BENCH_REDIS=true uses Redis for cache and idempotency.
 */
const ROOT = join(__dirname, '../../..');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PREFIX = 'api/v1/analytics';

interface Case {
  name: string;
  path: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
}

const CASES: Case[] = [
  { name: 'bare route', path: 'bench/bare' },
  { name: '@Cache HIT', path: 'bench/cached' },
  { name: '@Serialize', path: 'bench/serialized' },
  {
    name: '@Idempotency replay',
    path: 'bench/idempotent',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `bench-${Date.now()}` },
    body: JSON.stringify({ type: 'purchase' }),
  },
  { name: '@Resilience closed', path: 'bench/resilient' },
  { name: 'GET /events (HIT + Serialize)', path: 'events' },
];

function startAnalytics(): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/analytics/src/main.ts')], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'development',
        JWT_SECRET: 'bench-secret-that-is-long-enough-0123456789',
        LOG_LEVEL: 'silent',
        USE_FASTIFY: 'true',
        FLAG_BENCH: 'true',
        ANALYTICS_PORT: '0',
        ...(process.env.BENCH_REDIS === 'true' ? { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`analytics did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listening on http:\/\/localhost:(\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}/${PREFIX}` });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`analytics exited (${code}):\n${out}`)));
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function run(url: string, c: Case, seconds: number): Promise<autocannon.Result> {
  return autocannon({ url: `${url}/${c.path}`, method: c.method ?? 'GET', headers: c.headers, body: c.body, connections: CONNECTIONS, duration: seconds });
}

async function main(): Promise<void> {
  const { child, url } = await startAnalytics();
  const samples = CASES.map(() => ({ rps: [] as number[], p50: [] as number[], p99: [] as number[], errors: 0 }));
  try {
    for (const c of CASES) {
      const probe = await fetch(`${url}/${c.path}`, { method: c.method ?? 'GET', headers: c.headers, body: c.body });
      if (probe.status >= 400) throw new Error(`${c.name}: ${c.path} answered ${probe.status}`);
      await run(url, c, 2);
    }
    for (let round = 0; round < SECONDS; round++) {
      for (const [i, c] of CASES.entries()) {
        const r = await run(url, c, 1);
        samples[i].rps.push(r.requests.average);
        samples[i].p50.push(r.latency.p50);
        samples[i].p99.push(r.latency.p99);
        samples[i].errors += r.errors + r.non2xx;
      }
    }
  } finally {
    child.kill('SIGTERM');
  }
  const rows = CASES.map((c, i) => ({ name: c.name, rps: Math.round(median(samples[i].rps)), p50: median(samples[i].p50), p99: median(samples[i].p99), errors: samples[i].errors }));
  const bare = rows[0].rps;
  const lines = [
    `Fastify, ${CONNECTIONS} connections, ${SECONDS} interleaved 1 s rounds per case (medians), Node ${process.version}, stores: ${process.env.BENCH_REDIS === 'true' ? 'redis' : 'memory'}`,
    '',
    '| case | req/s | vs bare | p50 ms | p99 ms | errors |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.name} | ${r.rps} | ${Math.round((r.rps / bare) * 100)}% | ${r.p50} | ${r.p99} | ${r.errors} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:decorators failed: ${(error as Error).message}\n`);
  process.exit(1);
});
