import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { auditRepositoryContract } from '../audit-repository.contract';
import { PostgresAuditRepository } from './postgres-audit.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/moderation/migrations, applied to the run's database by the Jest global setup.
auditRepositoryContract('postgres (real Postgres)', () => new PostgresAuditRepository(new PoolSqlTransactions(pool), 'moderation'));
