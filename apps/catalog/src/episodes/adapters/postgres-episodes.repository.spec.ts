import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { episodesRepositoryContract } from '../episodes-repository.contract';
import { PostgresEpisodesRepository } from './postgres-episodes.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/catalog/migrations, applied to the run's database by the Jest global setup.
episodesRepositoryContract('postgres (real Postgres)', () => new PostgresEpisodesRepository(new PoolSqlTransactions(pool), 'catalog'));
