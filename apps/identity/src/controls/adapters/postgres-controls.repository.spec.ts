import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { controlsRepositoryContract } from '../controls-repository.contract';
import { strictDefaults } from '../parental-controls';
import { PostgresControlsRepository } from './postgres-controls.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  await pool.end();
});

controlsRepositoryContract('postgres (row-level security)', () => new PostgresControlsRepository(new PoolSqlTransactions(pool)));

describe('child_controls row-level security', () => {
  it("a query without the family setting returns nothing, even as the table's role", async () => {
    const sql = new PoolSqlTransactions(pool);
    const repo = new PostgresControlsRepository(sql);
    const tenantId = `t-${Date.now().toString(36)}`;
    await repo.save(
      { tenantId, parentUserId: 'p-rls' },
      {
        tenantId,
        childProfileId: 'k-rls',
        parentUserId: 'p-rls',
        controls: strictDefaults(),
        updatedBy: 'p-rls',
        updatedAt: new Date().toISOString(),
      },
    );
    const unscoped = await sql.runScoped({ role: 'identity_family', settings: {} }, () =>
      sql.client().query(`SELECT * FROM identity.child_controls WHERE tenant_id = $1`, [tenantId]),
    );
    expect(unscoped).toEqual([]);
    const wrongTenant = await sql.runScoped(
      { role: 'identity_family', settings: { 'mm.tenant_id': 'elsewhere', 'mm.scope': 'service' } },
      () => sql.client().query(`SELECT * FROM identity.child_controls WHERE tenant_id = $1`, [tenantId]),
    );
    expect(wrongTenant).toEqual([]);
    const owner = await sql.runScoped(
      { role: 'identity_family', settings: { 'mm.tenant_id': tenantId, 'mm.parent_user_id': 'p-rls' } },
      () => sql.client().query(`SELECT child_profile_id FROM identity.child_controls WHERE tenant_id = $1`, [tenantId]),
    );
    expect(owner).toEqual([{ child_profile_id: 'k-rls' }]);
  });
});
