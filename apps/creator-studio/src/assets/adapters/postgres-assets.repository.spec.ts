import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { assetsRepositoryContract } from '../assets-repository.contract';
import { PostgresAssetsRepository } from './postgres-assets.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/creator-studio/migrations, applied to the run's database by the Jest global setup.
assetsRepositoryContract('postgres (real Postgres)', () => new PostgresAssetsRepository(new PoolSqlTransactions(pool), 'creator_studio'));
