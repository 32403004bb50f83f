import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { sessionsRepositoryContract } from '../sessions-repository.contract';
import { PostgresSessionsRepository } from './postgres-sessions.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/playback/migrations, applied to the run's database by the Jest global setup.
sessionsRepositoryContract('postgres (real Postgres)', () => new PostgresSessionsRepository(new PoolSqlTransactions(pool), 'playback'));
