import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { digestRepositoryContract } from '../digest-repository.contract';
import { PostgresDigestRepository } from './postgres-digest.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

digestRepositoryContract('postgres (real Postgres)', () => new PostgresDigestRepository(new PoolSqlTransactions(pool), 'notification'));
