import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFaultProxy, type FaultProxy } from '@mikasmissions/testing';
import Redis from 'ioredis';
import { Pool } from 'pg';
import { DrillLoad } from './drill-load';
import { SCENARIOS, type DrillStack } from './drill-scenarios';
import { AnalyticsProcess, createDrillDatabase, DrillRedis, freePort, openLog, type DrillDatabase } from './drill-stack';
import { deliveredCount, hasSettled, meetsBar, renderTable, tally, type StoreCounts } from './drill-tally';

/**
 * `pnpm run drill`: the fault drill of issue 9. Starts the real analytics service (Fastify) on a
 * throwaway database reached through a fault proxy and on its own Redis, runs a bounded
 * `POST /events` load with an `Idempotency-Key` per logical event, and under it, one after
 * another: a Postgres restart, a Redis restart without data plus FLUSHALL, and a SIGKILL of the
 * service. Prints accepted / delivered / lost / duplicated per scenario; exit 1 unless 0 lost
 * and 0 duplicated. Loopback only; the shared Postgres and Redis are never stopped or flushed.
 */
const num = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got ${process.env[name]}`);
  return value;
};
const SECONDS = num('DRILL_SECONDS', 12);
const RATE = num('DRILL_RATE', 100);
const RETRY_SECONDS = num('DRILL_RETRY_SECONDS', 45);
const SETTLE_SECONDS = num('DRILL_SETTLE_SECONDS', 60);
const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const KEEP_DB = process.env.DRILL_KEEP_DB === 'true';

const t0 = Date.now();
const progress = (line: string) => process.stdout.write(`[drill ${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storeCounts(pool: Pool): Promise<StoreCounts> {
  const rows = await pool.query<{ type: string; n: number }>(`SELECT type, count(*)::int AS n FROM analytics.events GROUP BY type`);
  const applied = await pool.query<{ event_type: string; n: number }>(
    `SELECT event_type, count::int AS n FROM analytics.recorded_event_counters`,
  );
  return { rows: new Map(rows.rows.map((r) => [r.type, r.n])), applied: new Map(applied.rows.map((r) => [r.event_type, r.n])) };
}

async function waitReady(baseUrl: string, timeoutMs: number): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    const ok = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return Date.now() - start;
    await sleep(250);
  }
  return Number.NaN;
}

async function main(): Promise<number> {
  const runId = `drill${Date.now().toString(36)}`;
  const dir = join(tmpdir(), runId);
  mkdirSync(dir, { recursive: true });
  const log = openLog(join(dir, 'stack.log'));
  progress(
    `${SCENARIOS.length} scenarios × ${SECONDS} s at ${RATE} events/s, client retries for ${RETRY_SECONDS} s, settle ≤ ${SETTLE_SECONDS} s; logs in ${dir}/stack.log`,
  );

  let db: DrillDatabase | undefined;
  let proxy: FaultProxy | undefined;
  let redis: DrillRedis | undefined;
  let analytics: AnalyticsProcess | undefined;
  let pool: Pool | undefined;
  const cleanup = async () => {
    await analytics?.kill('SIGKILL');
    await redis?.kill();
    await proxy?.close();
    await pool?.end().catch(() => undefined);
    if (KEEP_DB && db) progress(`DRILL_KEEP_DB=true: kept ${db.url} (drop it by hand)`);
    else await db?.drop().catch((e: unknown) => progress(`could not drop the drill database: ${(e as Error).message}`));
    log.end();
  };
  const onSignal = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    db = await createDrillDatabase(ADMIN_URL, `mm_${runId}`, log);
    const pg = new URL(ADMIN_URL);
    proxy = await startFaultProxy({ host: pg.hostname, port: Number(pg.port || 5432) });
    redis = new DrillRedis(await freePort(), log);
    await redis.start();
    const port = await freePort();
    analytics = new AnalyticsProcess(
      {
        NODE_ENV: 'development',
        JWT_SECRET: `drill-secret-${runId}-0123456789abcdef`,
        AUTH_MODE: 'permissive',
        DATABASE_URL: proxy.url(db.url),
        REDIS_URL: redis.url,
        ANALYTICS_PORT: String(port),
        USE_FASTIFY: 'true',
        LOG_LEVEL: 'warn',
        FLAG_BENCH: 'false',
        MESSAGING_CLAIM_IDLE_MS: process.env.MESSAGING_CLAIM_IDLE_MS ?? '5000',
        MESSAGING_CLAIM_INTERVAL_MS: process.env.MESSAGING_CLAIM_INTERVAL_MS ?? '1000',
      },
      log,
    );
    await analytics.start();
    const baseUrl = `http://127.0.0.1:${port}/api/v1/analytics`;
    progress(
      `stack up: analytics ${baseUrl} (Fastify), Postgres via proxy :${proxy.port} → ${db.url.replace(/\/\/[^@]*@/, '//')}, Redis :${redis.port}; ready in ${await waitReady(baseUrl, 20_000)} ms`,
    );
    pool = new Pool({ connectionString: db.url, max: 2 });
    pool.on('error', (e) => progress(`drill's own Postgres pool: ${e.message}`));

    const drillRedisUrl = redis.url;
    const stack: DrillStack = {
      proxy,
      redis,
      analytics,
      redisClient: () => new Redis(drillRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 }),
      progress,
    };
    const load = new DrillLoad({
      baseUrl,
      tenant: 'drill',
      runId,
      rate: RATE,
      maxEvents: Math.ceil(RATE * SECONDS * SCENARIOS.length * 1.2),
      retryForMs: RETRY_SECONDS * 1000,
      attemptTimeoutMs: 5_000,
      maxOpen: Math.max(50, RATE * 10),
    });
    const s = load.stats;
    const line = () =>
      `sent ${s.sent} accepted ${s.accepted} open ${s.open} | attempts ${s.attempts}: 5xx ${s.status5xx}, 409/429 ${s.status409}, other 4xx ${s.status4xx}, refused/reset ${s.network}, timed out ${s.timeouts}`;
    const ticker = setInterval(() => progress(line()), 3_000);

    load.start();
    for (const scenario of SCENARIOS) {
      load.setScenario(scenario.name);
      progress(`${scenario.name}: ${scenario.describe}`);
      await scenario.run(stack, SECONDS);
      const readyIn = await waitReady(baseUrl, 30_000);
      progress(`${scenario.name}: /ready 200 again ${Number.isNaN(readyIn) ? 'NOT within 30 s' : `${readyIn} ms after the scenario`}`);
    }
    load.stopSending();
    clearInterval(ticker);
    progress(`load stopped; waiting for ${s.open} open requests (retrying ≤ ${RETRY_SECONDS} s each)`);
    await load.drain(() => progress(line()));
    progress(line());

    const accepted = load.outcomes.filter((o) => o.accepted).length;
    const samples: number[] = [];
    const settleEnd = Date.now() + SETTLE_SECONDS * 1000;
    const counts = pool;
    const pendingOutbox = async () =>
      (await counts.query<{ n: number }>(`SELECT count(*)::int AS n FROM analytics.outbox WHERE status = 'pending'`)).rows[0].n;
    let pending = 0;
    while (Date.now() < settleEnd) {
      samples.push(deliveredCount(load.outcomes, (await storeCounts(pool)).applied));
      pending = await pendingOutbox();
      if (hasSettled(samples, accepted, 5) && pending === 0) break;
      await sleep(1_000);
    }
    progress(`settled: ${samples.at(-1)} of ${accepted} accepted delivered, ${pending} outbox rows pending, after ${samples.length} polls`);

    const rows = tally(load.outcomes, await storeCounts(pool), ['warm-up', ...SCENARIOS.map((sc) => sc.name)]).filter(
      (r) => r.sent > 0 || r.scenario === 'total',
    );
    const outbox = await pool.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM analytics.outbox GROUP BY status ORDER BY status`,
    );
    const inbox = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM analytics.inbox`);
    process.stdout.write(`\n${renderTable(rows)}\n\n`);
    process.stdout.write(`outbox: ${outbox.rows.map((r) => `${r.status} ${r.n}`).join(', ') || 'empty'}; inbox rows: ${inbox.rows[0].n}\n`);
    const twice = await pool.query<{ type: string; created: string[] }>(
      `SELECT type, array_agg(to_char(created_at AT TIME ZONE 'UTC', 'HH24:MI:SS.MS') ORDER BY created_at) AS created FROM analytics.events GROUP BY type HAVING count(*) > 1 ORDER BY min(created_at) LIMIT 20`,
    );
    for (const r of twice.rows)
      process.stdout.write(
        `ran more than once: ${r.type} (key ${runId}-${r.type.slice(2).replace('.', '-')}), rows created at ${r.created.join(', ')} UTC\n`,
      );
    const total = rows[rows.length - 1];
    const pass = meetsBar(total);
    process.stdout.write(
      pass
        ? `PASS: 0 lost, 0 duplicated effects (${total.accepted} accepted)\n`
        : `FAIL: ${total.lost} lost, ${total.duplicatedRows} duplicated rows, ${total.duplicatedApplications} duplicated applications (bar: 0 and 0)\n`,
    );
    return pass ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`drill failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(2);
  },
);
