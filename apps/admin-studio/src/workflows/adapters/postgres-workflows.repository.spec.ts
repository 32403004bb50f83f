import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { workflowsRepositoryContract } from '../workflows-repository.contract';
import { PostgresWorkflowsRepository } from './postgres-workflows.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/admin-studio/migrations, applied to the run's database by the Jest global setup.
workflowsRepositoryContract(
  'postgres (real Postgres)',
  () => new PostgresWorkflowsRepository(new PoolSqlTransactions(pool), 'admin_studio'),
);
