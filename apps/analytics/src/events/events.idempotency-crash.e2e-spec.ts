import { createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testEnv, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { Pool } from 'pg';
import { killAnalytics, startAnalytics, type AnalyticsProcess } from '../recorded-events/testing/analytics-process';
import { createIsolatedDatabase, type IsolatedDatabase } from '../recorded-events/testing/isolated-database';

const CLIENTS = 48;
const ROUNDS = 3;
const LOCK_TTL_MS = 2_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  replayed: boolean;
  body: { id?: string; error?: { code: string } };
}

/**
 * Issue 9, fault 4: POST /events with an Idempotency-Key under load, SIGKILL mid-way, restart,
 * then every unanswered request is retried with the same key and body once the dead process's
 * claims have expired. Each key must have produced exactly one event row and one outbox row;
 * a key whose write committed before the kill (its answer never reached the client) must get
 * the stored answer back, marked `idempotent-replayed: true`.
 */
describe('Idempotency-Key across a SIGKILL of analytics (real process, Postgres, Redis)', () => {
  let db: IsolatedDatabase;
  let pool: Pool;
  let redis: Redis;
  let app: AnalyticsProcess | undefined;
  const streamPrefix = uniquePrefix('idemcrash-streams');
  const keyPrefix = uniquePrefix('idemcrash-keys');

  beforeAll(async () => {
    db = await createIsolatedDatabase('idemcrash');
    pool = new Pool({ connectionString: db.url, max: 2 });
    redis = createRedisClient(testRedisUrl());
    await redis.connect();
  });
  afterAll(async () => {
    if (app) await killAnalytics(app.child);
    await deleteKeysUnder(redis, testKeyPrefix());
    await redis?.quit();
    await pool?.end();
    await db?.drop();
  });

  it('every key produces exactly one event row and one outbox row; committed-but-unanswered keys replay the stored answer', async () => {
    const env = {
      ...testEnv('memory'),
      DATABASE_URL: db.url,
      REDIS_URL: testRedisUrl(),
      ANALYTICS_PORT: '0',
      MESSAGING_STREAM_PREFIX: streamPrefix,
      MESSAGING_KEY_PREFIX: keyPrefix,
      OUTBOX_RELAY_ENABLED: 'false',
      IDEMPOTENCY_LOCK_TTL_MS: String(LOCK_TTL_MS),
    };
    const tenant = `idemcrash-${Date.now().toString(36)}`;
    const post = async (port: number, key: string): Promise<Answer> => {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/analytics/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tenant-id': tenant, 'idempotency-key': key },
        body: JSON.stringify({ type: 'crash', payload: { ref: key } }),
      });
      return {
        status: res.status,
        replayed: res.headers.get('idempotent-replayed') === 'true',
        body: (await res.json()) as Answer['body'],
      };
    };
    /** A client that honours 409 + Retry-After (the key is still claimed). */
    const retry = async (port: number, key: string): Promise<Answer> => {
      for (let attempt = 0; ; attempt += 1) {
        const answer = await post(port, key);
        if (answer.status !== 409 || attempt >= 10) return answer;
        await sleep(1_000);
      }
    };
    const answered = new Map<string, Answer>();
    const sent: string[] = [];
    const stats = { unanswered: 0, committedUnanswered: 0, replayedAfterCrash: 0, ranAfterCrash: 0, answeredRetried: 0 };

    app = await startAnalytics(env);
    for (let round = 0; round < ROUNDS; round += 1) {
      const port = app.port;
      let dead = false;
      const unanswered: string[] = [];
      const roundAnswered = () => [...answered.keys()].filter((k) => k.includes(`-r${round}-`)).length;
      const clients = Array.from({ length: CLIENTS }, async (_, c) => {
        for (let i = 0; !dead; i += 1) {
          const key = `${tenant}-r${round}-c${c}-${i}`;
          sent.push(key);
          try {
            answered.set(key, await post(port, key));
          } catch {
            unanswered.push(key);
          }
        }
      });
      const target = 400 + Math.floor(Math.random() * 400);
      while (roundAnswered() < target) await sleep(20);
      dead = true;
      await killAnalytics(app.child);
      await Promise.all(clients);
      app = await startAnalytics(env);
      await sleep(LOCK_TTL_MS + 500);

      const { rows } = await pool.query<{ ref: string; id: string }>(
        `SELECT payload->>'ref' AS ref, id::text FROM analytics.events WHERE tenant_id = $1 AND payload->>'ref' = ANY($2)`,
        [tenant, unanswered],
      );
      const committed = new Map(rows.map((r) => [r.ref, r.id]));
      stats.unanswered += unanswered.length;
      stats.committedUnanswered += committed.size;
      for (const key of unanswered) {
        const answer = await retry(app.port, key);
        expect(answer.status).toBe(201);
        answered.set(key, answer);
        if (committed.has(key)) {
          expect(answer).toMatchObject({ replayed: true, body: { id: committed.get(key) } });
          stats.replayedAfterCrash += 1;
        } else {
          expect(answer.replayed).toBe(false);
          stats.ranAfterCrash += 1;
        }
      }
      const sample = [...answered.entries()].filter(([k]) => k.includes(`-r${round}-`) && !unanswered.includes(k)).slice(0, 50);
      for (const [key, first] of sample) {
        const again = await post(app.port, key);
        expect(again).toEqual({ status: first.status, replayed: true, body: first.body });
        stats.answeredRetried += 1;
      }
    }

    const perKey = (
      await pool.query<{ ref: string; n: number }>(
        `SELECT payload->>'ref' AS ref, count(*)::int AS n FROM analytics.events WHERE tenant_id = $1 GROUP BY 1`,
        [tenant],
      )
    ).rows;
    const outbox = (
      await pool.query<{ event_id: string; n: number }>(
        `SELECT o.payload->'payload'->>'eventId' AS event_id, count(*)::int AS n FROM analytics.outbox o WHERE o.payload->>'tenantId' = $1 GROUP BY 1`,
        [tenant],
      )
    ).rows;
    const events = (await pool.query<{ id: string }>(`SELECT id::text FROM analytics.events WHERE tenant_id = $1`, [tenant])).rows.map(
      (r) => r.id,
    );
    const keyRows = Number((await pool.query(`SELECT count(*) AS n FROM analytics.idempotency_keys WHERE response IS NOT NULL`)).rows[0].n);
    const duplicates = perKey.filter((r) => r.n > 1).length;
    console.info(
      `idempotency crash test: rounds=${ROUNDS} clients=${CLIENTS} keys=${sent.length} answered before kills=${sent.length - stats.unanswered} unanswered=${stats.unanswered} ` +
        `(committed before the kill=${stats.committedUnanswered}, replayed on retry=${stats.replayedAfterCrash}, ran on retry=${stats.ranAfterCrash}) ` +
        `answered keys re-sent=${stats.answeredRetried} event rows=${events.length} outbox rows=${outbox.reduce((s, r) => s + r.n, 0)} duplicated keys=${duplicates} stored answers=${keyRows}`,
    );

    expect(stats.unanswered).toBeGreaterThan(0);
    expect(duplicates).toBe(0);
    expect(perKey).toHaveLength(sent.length);
    expect(new Set(perKey.map((r) => r.ref))).toEqual(new Set(sent));
    expect(outbox.filter((r) => r.n !== 1)).toEqual([]);
    expect(new Set(outbox.map((r) => r.event_id))).toEqual(new Set(events));
    expect(stats.committedUnanswered).toBeGreaterThan(0);
  }, 180_000);
});
