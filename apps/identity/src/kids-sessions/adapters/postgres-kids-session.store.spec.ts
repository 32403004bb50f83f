import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { kidsSessionStoreContract } from '../kids-session-store.contract';
import { PostgresKidsSessionStore } from './postgres-kids-session.store';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  await pool.end();
});

kidsSessionStoreContract('postgres (row-level security)', () => new PostgresKidsSessionStore(new PoolSqlTransactions(pool)));

it('kids_sessions shows nothing to a query without the family setting', async () => {
  const sql = new PoolSqlTransactions(pool);
  await new PostgresKidsSessionStore(sql).add(
    { tenantId: 'rls-t', parentUserId: 'rls-p' },
    {
      sessionId: '00000000-0000-4000-8000-000000000001',
      tenantId: 'rls-t',
      parentUserId: 'rls-p',
      childProfileId: 'rls-k',
      createdAt: new Date(),
      expiresAt: new Date(Date.now() + 60_000),
    },
  );
  const unscoped = await sql.runScoped({ role: 'identity_family', settings: {} }, () =>
    sql.client().query(`SELECT * FROM identity.kids_sessions`),
  );
  expect(unscoped).toEqual([]);
  expect((await pool.query(`SELECT count(*)::int AS n FROM identity.kids_sessions WHERE tenant_id = 'rls-t'`)).rows[0].n).toBe(1);
});
