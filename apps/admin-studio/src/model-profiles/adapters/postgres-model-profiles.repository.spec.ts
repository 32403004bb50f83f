import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { modelProfilesRepositoryContract } from '../model-profiles-repository.contract';
import { PostgresModelProfilesRepository } from './postgres-model-profiles.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/admin-studio/migrations, applied to the run's database by the Jest global setup.
modelProfilesRepositoryContract(
  'postgres (real Postgres)',
  () => new PostgresModelProfilesRepository(new PoolSqlTransactions(pool), 'admin_studio'),
);
