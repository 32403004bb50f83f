import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { childProfilesRepositoryContract } from '../child-profiles-repository.contract';
import { PostgresChildProfilesRepository } from './postgres-child-profiles.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/profile/migrations, applied to the run's database by the Jest global setup.
// This pool connects as the (superuser) test owner; child-profiles.rls.spec.ts runs the same suite under row-level security.
childProfilesRepositoryContract(
  'postgres (real Postgres)',
  () => new PostgresChildProfilesRepository(new PoolSqlTransactions(pool), 'profile'),
);
