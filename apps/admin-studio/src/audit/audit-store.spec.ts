import { auditRepositoryContract, PostgresAuditRepository } from '@mikasmissions/audit';
import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// libs/audit's contract on this service's own table (prisma/admin-studio migrations plus libs/audit/sql, applied by the Jest global setup).
auditRepositoryContract('postgres (admin_studio schema)', () => new PostgresAuditRepository(new PoolSqlTransactions(pool), 'admin_studio'));
