import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { watchLedgerContract } from '../watch-ledger.contract';
import { MemoryWatchLedger } from './memory-watch-ledger';
import { PostgresWatchLedger } from './postgres-watch-ledger';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 4);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

watchLedgerContract('memory', () => new MemoryWatchLedger());
watchLedgerContract('postgres (row-level security)', () => new PostgresWatchLedger(new PoolSqlTransactions(pool)));

it('dashboard_watch_days shows nothing to a query without the family setting, and takes an unnamed parent from the controls', async () => {
  const sql = new PoolSqlTransactions(pool);
  const tag = Math.random().toString(36).slice(2, 10);
  await sql.runScoped({ role: 'identity_family', settings: { 'mm.tenant_id': 'rls-t', 'mm.parent_user_id': `p-${tag}` } }, () =>
    sql
      .client()
      .query(
        `INSERT INTO identity.child_controls (tenant_id, child_profile_id, parent_user_id, controls, updated_by) VALUES ('rls-t', $1, $2, '{}'::jsonb, 'test')`,
        [`k-${tag}`, `p-${tag}`],
      ),
  );
  const ledger = new PostgresWatchLedger(sql);
  await ledger.add({
    tenantId: 'rls-t',
    parentUserId: null,
    childProfileId: `k-${tag}`,
    day: '2026-12-01',
    watchedMs: 700,
    learningEvents: 0,
  });
  const unscoped = await sql.runScoped({ role: 'identity_family', settings: {} }, () =>
    sql.client().query(`SELECT * FROM identity.dashboard_watch_days WHERE child_profile_id = $1`, [`k-${tag}`]),
  );
  expect(unscoped).toEqual([]);
  expect(
    (await pool.query(`SELECT parent_user_id FROM identity.dashboard_watch_days WHERE child_profile_id = $1`, [`k-${tag}`])).rows,
  ).toEqual([{ parent_user_id: `p-${tag}` }]);
  expect(await ledger.totals({ tenantId: 'rls-t', parentUserId: `p-${tag}` }, [`k-${tag}`], '2026-12-01', '2026-12-01')).toEqual([
    { childProfileId: `k-${tag}`, watchedMs: 700, learningEvents: 0 },
  ]);
  await pool.query(`DELETE FROM identity.child_controls WHERE child_profile_id = $1`, [`k-${tag}`]);
});
