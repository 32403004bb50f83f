import { AsyncLocalStorage } from 'node:async_hooks';
import { inPgTransaction } from '../../pg-transaction';
import type { Pool, PoolClient } from 'pg';
import { SqlTransactions, type SqlClient } from '../../ports/sql-transactions';
import { toSqlClient } from './to-sql-client';

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
    return inPgTransaction(this.pool, (client) => this.storage.run(client, fn));
  }

  active(): boolean {
    return this.storage.getStore() !== undefined;
  }

  client(): SqlClient {
    return toSqlClient(this.storage.getStore() ?? this.pool);
  }
}
