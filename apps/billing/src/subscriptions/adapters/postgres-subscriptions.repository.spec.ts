import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { subscriptionsRepositoryContract } from '../subscriptions-repository.contract';
import { PostgresSubscriptionsRepository } from './postgres-subscriptions.repository';

let pool: Pool;
let sql: PoolSqlTransactions;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 2);
  sql = new PoolSqlTransactions(pool);
});
afterAll(async () => {
  if (!pool.ended) await pool.end();
});

// The table comes from prisma/billing/migrations, applied to the run's database by the Jest global setup.
subscriptionsRepositoryContract(
  'postgres (real Postgres)',
  () => new PostgresSubscriptionsRepository(sql, 'billing'),
  (work) => sql.run(work),
);
