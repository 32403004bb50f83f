import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { runsRepositoryContract } from '../runs-repository.contract';
import { PostgresRunsRepository } from './postgres-runs.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 4);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/admin-studio/migrations, applied to the run's database by the Jest global setup.
runsRepositoryContract('postgres (real Postgres)', () => new PostgresRunsRepository(new PoolSqlTransactions(pool), 'admin_studio'));
