import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { deliveriesRepositoryContract } from '../deliveries-repository.contract';
import { PostgresDeliveriesRepository } from './postgres-deliveries.repository';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 4);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

deliveriesRepositoryContract(
  'postgres (real Postgres)',
  () => new PostgresDeliveriesRepository(new PoolSqlTransactions(pool), 'notification'),
);
