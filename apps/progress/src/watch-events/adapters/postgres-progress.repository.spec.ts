import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { progressRepositoryContract } from '../progress-repository.contract';
import { PostgresProgressRepository } from './postgres-progress.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 4);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The tables come from prisma/progress/migrations, applied to the run's database by the Jest global setup.
progressRepositoryContract('postgres (real Postgres)', () => new PostgresProgressRepository(new PoolSqlTransactions(pool), 'progress'));
