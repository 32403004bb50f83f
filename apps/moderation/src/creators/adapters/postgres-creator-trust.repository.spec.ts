import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { creatorTrustRepositoryContract } from '../creator-trust-repository.contract';
import { PostgresCreatorTrustRepository } from './postgres-creator-trust.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/moderation/migrations, applied to the run's database by the Jest global setup.
creatorTrustRepositoryContract(
  'postgres (real Postgres)',
  () => new PostgresCreatorTrustRepository(new PoolSqlTransactions(pool), 'moderation'),
);
