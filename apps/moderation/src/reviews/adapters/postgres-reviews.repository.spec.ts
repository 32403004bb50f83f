import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { reviewsRepositoryContract } from '../reviews-repository.contract';
import { PostgresReviewsRepository } from './postgres-reviews.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 4);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/moderation/migrations, applied to the run's database by the Jest global setup.
reviewsRepositoryContract('postgres (real Postgres)', () => new PostgresReviewsRepository(new PoolSqlTransactions(pool), 'moderation'));
