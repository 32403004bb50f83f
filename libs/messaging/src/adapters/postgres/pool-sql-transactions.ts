import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool, PoolClient } from 'pg';
import { SqlTransactions, toSqlClient, type SqlClient } from './sql-client';

/**
 * {@link SqlTransactions} on a bare pg pool (AsyncLocalStorage carries the transaction),
 * for tools and tests that run without Nest.
 */
export class PoolSqlTransactions extends SqlTransactions {
  private readonly storage = new AsyncLocalStorage<PoolClient>();

  constructor(readonly pool: Pool) {
    super();
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return fn();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await this.storage.run(client, fn);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  active(): boolean {
    return this.storage.getStore() !== undefined;
  }

  client(): SqlClient {
    return toSqlClient(this.storage.getStore() ?? this.pool);
  }
}
