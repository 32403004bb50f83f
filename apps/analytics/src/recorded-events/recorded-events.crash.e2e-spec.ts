import type { ChildProcess } from 'node:child_process';
import { createEnvelope, PostgresOutboxStore, streamKey, type EventEnvelope } from '@mikasmissions/messaging';
import { createRedisClient, PoolSqlTransactions } from '@mikasmissions/persistence';
import { deleteKeysUnder, testEnv, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { Pool } from 'pg';
import { killAnalytics as kill, startAnalytics as startProcess } from './testing/analytics-process';
import { createIsolatedDatabase, type IsolatedDatabase } from './testing/isolated-database';

const TOTAL = 10_000;
const KILLS = 4;
const TYPES = 20;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The real analytics service (relay + consumer in one process), as a child we can SIGKILL. */
const startAnalytics = async (env: Record<string, string | undefined>): Promise<ChildProcess> => (await startProcess(env)).child;

describe('crash safety: the analytics consumer is SIGKILLed while 10,000 events flow', () => {
  let db: IsolatedDatabase;
  let pool: Pool;
  let redis: Redis;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    db = await createIsolatedDatabase('crash');
    pool = new Pool({ connectionString: db.url, max: 4 });
    redis = createRedisClient(testRedisUrl());
    await redis.connect();
  });
  afterAll(async () => {
    if (child) await kill(child);
    if (redis) await deleteKeysUnder(redis, testKeyPrefix());
    await redis?.quit();
    await pool?.end();
    await db?.drop();
  });

  it('applies every event exactly once (count and ids) across kills and restarts', async () => {
    const streamPrefix = uniquePrefix('crash-streams');
    const env = {
      ...testEnv('memory'),
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      ANALYTICS_PORT: '0',
      MESSAGING_STREAM_PREFIX: streamPrefix,
      MESSAGING_KEY_PREFIX: uniquePrefix('crash-keys'),
      MESSAGING_CLAIM_IDLE_MS: '1000',
      MESSAGING_CLAIM_INTERVAL_MS: '300',
      OUTBOX_RELAY_POLL_MS: '100',
    };
    const tenant = `crash-${Date.now().toString(36)}`;
    const outbox = new PostgresOutboxStore(new PoolSqlTransactions(pool), 'analytics');
    const published: EventEnvelope[] = [];

    child = await startAnalytics(env);
    const publishing = (async () => {
      for (let batch = 0; batch < TOTAL / 100; batch += 1) {
        const events = Array.from({ length: 100 }, (_, i) =>
          createEnvelope({
            type: 'analytics.event.recorded',
            version: 1,
            tenantId: tenant,
            requestId: `crash-${batch}`,
            payload: {
              eventId: `e${batch * 100 + i}`,
              eventType: `crash-${(batch * 100 + i) % TYPES}`,
              occurredAt: new Date().toISOString(),
            },
          }),
        );
        await outbox.append(events as EventEnvelope[]);
        published.push(...(events as EventEnvelope[]));
        await sleep(60);
      }
    })();
    const stream = streamKey(streamPrefix, 'analytics.event.recorded');
    const counted = async () =>
      Number(
        (await pool.query(`SELECT coalesce(sum(count), 0) AS n FROM analytics.recorded_event_counters WHERE tenant_id = $1`, [tenant]))
          .rows[0].n,
      );
    const atKill: Array<{ handled: number; unacked: number }> = [];
    for (let k = 0; k < KILLS; k += 1) {
      await sleep(900 + Math.random() * 700);
      const [unacked] = (await redis.xpending(stream, 'analytics').catch(() => [0])) as [number];
      atKill.push({ handled: await counted(), unacked: Number(unacked) });
      await kill(child);
      child = await startAnalytics(env);
    }
    await publishing;

    const deadline = Date.now() + 40_000;
    while ((await counted()) < TOTAL && Date.now() < deadline) await sleep(200);

    const perType = (
      await pool.query<{ event_type: string; count: string }>(
        `SELECT event_type, count FROM analytics.recorded_event_counters WHERE tenant_id = $1`,
        [tenant],
      )
    ).rows;
    const inbox = (
      await pool.query<{ event_id: string }>(`SELECT event_id::text FROM analytics.inbox WHERE consumer = 'analytics'`)
    ).rows.map((r) => r.event_id);
    const streamLength = await redis.xlen(stream);
    const dlq = await redis.xlen(`${stream}.dlq`);
    const stats = await outbox.stats();
    const total = perType.reduce((sum, r) => sum + Number(r.count), 0);
    console.info(
      `crash test: published=${published.length} kills=${KILLS} at kills (handled/unacked)=${atKill.map((a) => `${a.handled}/${a.unacked}`).join(',')} stream entries=${streamLength} (relay re-sends after kills: ${streamLength - TOTAL}) ` +
        `handled=${total} distinct inbox ids=${new Set(inbox).size} dlq=${dlq} outbox=${JSON.stringify(stats)}`,
    );

    expect(atKill[0].handled).toBeLessThan(TOTAL);
    expect(total).toBe(TOTAL);
    expect(perType).toHaveLength(TYPES);
    for (const row of perType) expect(Number(row.count)).toBe(TOTAL / TYPES);
    expect(inbox).toHaveLength(TOTAL);
    expect(new Set(inbox)).toEqual(new Set(published.map((e) => e.id)));
    expect(streamLength).toBeGreaterThanOrEqual(TOTAL);
    expect(dlq).toBe(0);
    expect(stats).toEqual({ pending: 0, published: TOTAL, failed: 0 });
    await redis.del(stream, `${stream}.dlq`, `${stream}:epoch`);
  }, 90_000);
});
