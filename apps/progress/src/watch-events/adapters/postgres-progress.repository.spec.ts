import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import type { FamilyRowScope } from '../family-row-scope';
import { CONTRACT_TENANT, progressRepositoryContract } from '../progress-repository.contract';
import { PostgresProgressRepository } from './postgres-progress.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 4);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The tables come from prisma/progress/migrations, applied to the run's database by the Jest global setup.
progressRepositoryContract(
  'postgres (row-level security, service scope)',
  () => new PostgresProgressRepository(new PoolSqlTransactions(pool), 'progress', () => ({ tenantId: CONTRACT_TENANT, service: true })),
);

describe('progress tables row-level security', () => {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const parent = `p1-${tag}`;
  const child = `kid-${tag}`;
  const as = (scope: FamilyRowScope) => new PostgresProgressRepository(new PoolSqlTransactions(pool), 'progress', () => scope);
  const record = {
    childProfileId: child,
    episodeId: 'ep-1',
    eventTime: new Date('2026-12-01T10:00:00.000Z'),
    localDate: '2026-12-01',
    watchMs: 60_000,
    durationMs: 600_000,
    historyPaused: false,
  };

  beforeAll(async () => {
    await as({ tenantId: 'rls-t', parentUserId: parent }).record(record);
  });

  it('shows the child to its parent and the service, and nothing to another parent or tenant', async () => {
    expect(await as({ tenantId: 'rls-t', parentUserId: parent }).watchedOn(child, '2026-12-01')).toBe(60_000);
    expect((await as({ tenantId: 'rls-t', service: true }).history(child)).started).toBe(1);
    expect(await as({ tenantId: 'rls-t', parentUserId: `p2-${tag}` }).watchedOn(child, '2026-12-01')).toBe(0);
    expect((await as({ tenantId: 'rls-t', parentUserId: `p2-${tag}` }).history(child)).started).toBe(0);
    expect((await as({ tenantId: 'other-tenant', service: true }).history(child)).started).toBe(0);
    expect(await as({ tenantId: 'rls-t', parentUserId: `p2-${tag}` }).erase('rls-t', 'nobody')).toBe(false);
  });

  it('returns no row of any table to a query without the setting (a non-owner role)', async () => {
    const sql = new PoolSqlTransactions(pool);
    for (const table of ['watch_events', 'episode_positions', 'daily_usage']) {
      const unscoped = await sql.runScoped({ role: 'progress_family', settings: {} }, () =>
        sql.client().query(`SELECT * FROM progress.${table} WHERE child_profile_id = $1`, [child]),
      );
      expect(unscoped).toEqual([]);
      const all = await pool.query(`SELECT tenant_id, parent_user_id FROM progress.${table} WHERE child_profile_id = $1`, [child]);
      expect(all.rows).toEqual([{ tenant_id: 'rls-t', parent_user_id: parent }]);
    }
  });

  it('refuses a write for another parent than the scope', async () => {
    await expect(
      as({ tenantId: 'rls-t', parentUserId: `p2-${tag}` }).record({ ...record, childProfileId: `${child}-x`, parentUserId: parent }),
    ).rejects.toThrow(/row-level security/);
  });
});
