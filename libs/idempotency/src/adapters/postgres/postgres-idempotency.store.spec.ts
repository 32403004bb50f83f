import { createPgPool, PoolSqlTransactions, quoteSchema } from '@mikasmissions/persistence';
import { createLibSchema, dropSchema, testDatabaseUrl } from '@mikasmissions/testing';
import { Client, Pool } from 'pg';
import { describeIdempotencyStoreContract } from '../../ports/idempotency-store.contract';
import { IdempotencyPurger, PURGE_BATCHES_PER_RUN } from './idempotency-purger';
import { PostgresIdempotencyStore } from './postgres-idempotency.store';

const pool = new Pool({ connectionString: testDatabaseUrl(), max: 6 });
let schema: string;
beforeAll(async () => {
  schema = await createLibSchema(pool, ['idempotency'], 'idem');
});
afterAll(async () => {
  await dropSchema(pool, schema);
  await pool.end();
});

describeIdempotencyStoreContract('postgres', () => new PostgresIdempotencyStore(new PoolSqlTransactions(pool), schema));

const ok = { status: 201, headers: {}, body: '{"id":1}' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("PostgresIdempotencyStore: the answer commits with the handler's writes (real Postgres)", () => {
  const table = () => `${quoteSchema(schema)}.orders`;
  beforeAll(() => pool.query(`CREATE TABLE ${table()} (ref text PRIMARY KEY)`));

  it('commits the business row and the answer together, or neither', async () => {
    const sql = new PoolSqlTransactions(pool);
    const store = new PostgresIdempotencyStore(sql, schema);
    const write = (ref: string, fail: boolean) => async () => {
      const claim = await store.claim(ref, 'fp', 5_000);
      if (claim.outcome !== 'claimed') throw new Error('expected claim');
      await store.unitOfWork(async () => {
        await sql.client().query(`INSERT INTO ${table()} (ref) VALUES ($1)`, [ref]);
        expect(await store.complete(ref, claim.token, ok, 60_000)).toBe(true);
        if (fail) throw new Error('boom');
      });
    };
    await write('kept', false)();
    await expect(write('lost', true)()).rejects.toThrow('boom');
    const refs = (await pool.query(`SELECT ref FROM ${table()} ORDER BY ref`)).rows.map((r) => r.ref);
    expect(refs).toEqual(['kept']);
    expect((await store.claim('kept', 'fp', 5_000)).outcome).toBe('completed');
    expect((await store.claim('lost', 'fp', 5_000)).outcome).toBe('in-flight');
  });

  it('a connection killed before COMMIT (the process died) leaves no row and no answer; the claim expires and the retry runs fresh', async () => {
    const applicationName = `idem-crash-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    const url = new URL(testDatabaseUrl());
    url.searchParams.set('application_name', applicationName);
    const dying = createPgPool(url.toString(), 2);
    const sql = new PoolSqlTransactions(dying);
    const store = new PostgresIdempotencyStore(sql, schema);
    const claim = await store.claim('crashed', 'fp', 500);
    if (claim.outcome !== 'claimed') throw new Error('expected claim');
    const unit = store.unitOfWork(async () => {
      const client = sql.client();
      await client.query(`INSERT INTO ${table()} (ref) VALUES ('crashed')`);
      await store.complete('crashed', claim.token, ok, 60_000);
      const admin = new Client({ connectionString: testDatabaseUrl() });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [applicationName]);
      await admin.end();
      await client.query('SELECT 1');
    });
    await expect(unit).rejects.toThrow();
    await dying.end().catch(() => undefined);

    const fresh = new PostgresIdempotencyStore(new PoolSqlTransactions(pool), schema);
    expect((await pool.query(`SELECT ref FROM ${table()} WHERE ref = 'crashed'`)).rows).toEqual([]);
    expect(await fresh.claim('crashed', 'fp', 500)).toEqual({ outcome: 'in-flight', fingerprint: 'fp' });
    await sleep(600);
    expect((await fresh.claim('crashed', 'fp', 500)).outcome).toBe('claimed');
  });
});

describe('PostgresIdempotencyStore retention (real Postgres)', () => {
  const seed = async (expired: number, live: number) => {
    await pool.query(`DELETE FROM ${quoteSchema(schema)}.idempotency_keys`);
    await pool.query(
      `INSERT INTO ${quoteSchema(schema)}.idempotency_keys (key, fingerprint, response, expires_at)
       SELECT 'r' || g, 'fp', '{"status":400,"headers":{}}'::jsonb, CASE WHEN g <= $1 THEN now() - interval '1 minute' ELSE now() + interval '1 hour' END
         FROM generate_series(1, $1::int + $2::int) g`,
      [expired, live],
    );
  };
  const left = async () => Number((await pool.query(`SELECT count(*) AS n FROM ${quoteSchema(schema)}.idempotency_keys`)).rows[0].n);

  it('purgeExpired deletes at most one batch of expired rows and never a live one', async () => {
    const store = new PostgresIdempotencyStore(new PoolSqlTransactions(pool), schema);
    await seed(2_500, 10);
    expect(await store.purgeExpired(1_000)).toBe(1_000);
    expect(await left()).toBe(1_510);
    expect(await store.purgeExpired(5_000)).toBe(1_500);
    expect(await store.purgeExpired(5_000)).toBe(0);
    expect(await left()).toBe(10);
  });

  it('the purger deletes at most PURGE_BATCHES_PER_RUN batches per run, and stops at a short batch', async () => {
    const store = new PostgresIdempotencyStore(new PoolSqlTransactions(pool), schema);
    await seed(2_500, 10);
    expect(await new IdempotencyPurger(store, 60_000, 100).runOnce()).toBe(PURGE_BATCHES_PER_RUN * 100);
    expect(await new IdempotencyPurger(store, 60_000, 1_000).runOnce()).toBe(1_500);
    expect(await left()).toBe(10);
  });

  it('purges on its timer once started, and stops with the module', async () => {
    const store = new PostgresIdempotencyStore(new PoolSqlTransactions(pool), schema);
    await seed(50, 10);
    const purger = new IdempotencyPurger(store, 100, 1_000);
    purger.onApplicationBootstrap();
    await sleep(400);
    await purger.onModuleDestroy();
    expect(await left()).toBe(10);
  });
});
