import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import type { SessionScope } from '../session-scope';
import type { NewSession } from '../session';
import { CONTRACT_TENANT, sessionsRepositoryContract } from '../sessions-repository.contract';
import { PostgresSessionsRepository } from './postgres-sessions.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/playback/migrations, applied to the run's database by the Jest global setup.
sessionsRepositoryContract(
  'postgres (row-level security, service scope)',
  () => new PostgresSessionsRepository(new PoolSqlTransactions(pool), 'playback', () => ({ tenantId: CONTRACT_TENANT, service: true })),
);

describe('playback.sessions row-level security', () => {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const session = (parentUserId: string): NewSession => ({
    tenantId: 'rls-t',
    childProfileId: `kid-${tag}-${parentUserId}`,
    parentUserId: `${parentUserId}-${tag}`,
    episodeId: 'ep-demo-1',
    deviceType: 'tablet',
    mediaKey: 'episodes/ep-demo-1/index.m3u8',
    limitMinutes: 30,
    usedAtStart: 0,
    startedAt: new Date(),
  });
  const as = (scope: SessionScope) => new PostgresSessionsRepository(new PoolSqlTransactions(pool), 'playback', () => scope);

  it('shows a session to its parent only, and nothing to a query without the setting', async () => {
    const sql = new PoolSqlTransactions(pool);
    const mine = session('p1');
    const stored = await as({ tenantId: 'rls-t', parentUserId: mine.parentUserId }).create(mine);
    expect(await as({ tenantId: 'rls-t', parentUserId: mine.parentUserId }).find(stored.id)).toMatchObject({ id: stored.id });
    expect(await as({ tenantId: 'rls-t', parentUserId: `p2-${tag}` }).find(stored.id)).toBeNull();
    expect(await as({ tenantId: 'rls-t', parentUserId: `p2-${tag}` }).end(stored.id, new Date(), 'bedtime_active')).toBe(false);
    expect(await as({ tenantId: 'other-tenant', service: true }).find(stored.id)).toBeNull();
    const unscoped = await sql.runScoped({ role: 'playback_family', settings: {} }, () =>
      sql.client().query(`SELECT * FROM playback.sessions WHERE id = $1`, [stored.id]),
    );
    expect(unscoped).toEqual([]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM playback.sessions WHERE id = $1`, [stored.id])).rows[0].n).toBe(1);
  });

  it('refuses to write a session for another parent than the scope', async () => {
    const sql = new PoolSqlTransactions(pool);
    await expect(
      sql.runScoped({ role: 'playback_family', settings: { 'mm.tenant_id': 'rls-t', 'mm.parent_user_id': `p1-${tag}` } }, () =>
        sql.client().query(
          `INSERT INTO playback.sessions (id, tenant_id, child_profile_id, parent_user_id, episode_id, device_type, media_key, limit_minutes, used_at_start)
           VALUES ('00000000-0000-4000-8000-0000000000ab', 'rls-t', 'k', 'someone-else', 'e', 'tablet', 'm', 30, 0)`,
        ),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
