import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { featuresRepositoryContract } from '../features-repository.contract';
import { PostgresFeaturesRepository } from './postgres-features.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The tables come from prisma/recommendation/migrations, applied to the run's database by the Jest global setup.
featuresRepositoryContract(
  'postgres (real Postgres)',
  () => new PostgresFeaturesRepository(new PoolSqlTransactions(pool), 'recommendation'),
);
