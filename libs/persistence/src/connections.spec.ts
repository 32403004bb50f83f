import { startFaultProxy, testDatabaseUrl, type FaultProxy } from '@mikasmissions/testing';
import { Client, type Pool } from 'pg';
import { createPgPool, pingPostgres } from './connections';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Terminates every backend of this test's pool (found by its application_name), never anyone else's. */
async function terminateBackends(applicationName: string): Promise<number> {
  const admin = new Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  try {
    const { rows } = await admin.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
      [applicationName],
    );
    return rows.length;
  } finally {
    await admin.end();
  }
}

describe('createPgPool when Postgres drops its connections (real Postgres, pg_terminate_backend)', () => {
  const applicationName = `pool-fault-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let pool: Pool;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(() => {
    const url = new URL(testDatabaseUrl());
    url.searchParams.set('application_name', applicationName);
    pool = createPgPool(url.toString(), 4);
    process.prependListener('uncaughtException', onUncaught);
  });
  afterAll(async () => {
    process.removeListener('uncaughtException', onUncaught);
    await pool.end();
  });

  it('neither an idle nor a checked-out client crashes the process, and the next query reconnects', async () => {
    const [held, ...idle] = await Promise.all([pool.connect(), pool.connect(), pool.connect()]);
    idle.forEach((client) => client.release());
    await held.query('BEGIN');

    expect(await terminateBackends(applicationName)).toBe(3);
    await sleep(300);

    expect(uncaught).toEqual([]);
    await expect(held.query('SELECT 1')).rejects.toThrow();
    held.release(true);
    expect(pool.idleCount).toBe(0);
    await expect(pool.query('SELECT 1 AS ok')).resolves.toMatchObject({ rows: [{ ok: 1 }] });
  });
});

describe('pingPostgres against a server that accepts connections but never answers', () => {
  let proxy: FaultProxy;
  let pool: Pool;

  beforeAll(async () => {
    const target = new URL(testDatabaseUrl());
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port || 5432) });
    pool = createPgPool(proxy.url(testDatabaseUrl()), 2);
  });
  afterAll(async () => {
    await proxy.restore();
    await pool.end();
    await proxy.close();
  });

  it('gives up after its timeout, leaves the pool usable, and answers again once the server does', async () => {
    await pingPostgres(pool, 1_000);
    await proxy.hang();
    await expect(pingPostgres(pool, 200)).rejects.toThrow();
    for (let i = 0; i < 3; i += 1) {
      const started = Date.now();
      await expect(pingPostgres(pool, 200)).rejects.toThrow('Postgres did not answer within 200 ms');
      expect(Date.now() - started).toBeLessThan(500);
    }
    await proxy.restore();
    await sleep(2_200);
    await expect(pingPostgres(pool, 1_000)).resolves.toBeUndefined();
    expect(pool.totalCount).toBeLessThanOrEqual(2);
  });
});
