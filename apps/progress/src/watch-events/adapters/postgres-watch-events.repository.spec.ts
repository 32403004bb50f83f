import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { watchEventsRepositoryContract } from '../watch-events-repository.contract';
import { PostgresWatchEventsRepository } from './postgres-watch-events.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/progress/migrations, applied to the run's database by the Jest global setup.
watchEventsRepositoryContract(
  'postgres (real Postgres)',
  () => new PostgresWatchEventsRepository(new PoolSqlTransactions(pool), 'progress'),
);
