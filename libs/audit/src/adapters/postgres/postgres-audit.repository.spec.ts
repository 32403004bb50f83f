import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { createLibSchema, dropSchema, testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { auditRepositoryContract } from '../../audit-repository.contract';
import { PostgresAuditRepository } from './postgres-audit.repository';

let pool: Pool;
let schema: string;

// A fresh schema with the table from the lib's own SQL (libs/audit/sql/), dropped afterwards.
beforeAll(async () => {
  pool = createPgPool(testDatabaseUrl(), 2);
  schema = await createLibSchema(pool, ['audit'], 'audit');
});
afterAll(async () => {
  await dropSchema(pool, schema);
  await pool.end();
});

auditRepositoryContract('postgres (real Postgres)', () => new PostgresAuditRepository(new PoolSqlTransactions(pool), schema));

describe('PostgresAuditRepository in a transaction', () => {
  it('writes nothing when the unit of work fails', async () => {
    const repo = new PostgresAuditRepository(new PoolSqlTransactions(pool), schema);
    const target = `rollback-${Date.now().toString(36)}`;
    await expect(
      repo.atomically(async () => {
        await repo.append({ actor: 'a', actor_role: 'admin', action: 'x', target_type: 't', target_id: target, before: null, after: null });
        throw new Error('the action failed');
      }),
    ).rejects.toThrow('the action failed');
    expect(await repo.list(10, { targetId: target })).toEqual([]);
  });
});
