import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { preferencesRepositoryContract } from '../preferences-repository.contract';
import { PostgresPreferencesRepository } from './postgres-preferences.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/notification/migrations, applied to the run's database by the Jest global setup.
preferencesRepositoryContract(
  'postgres (real Postgres)',
  () => new PostgresPreferencesRepository(new PoolSqlTransactions(pool), 'notification'),
);
