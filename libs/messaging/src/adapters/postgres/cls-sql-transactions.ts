import type { TransactionHost } from '@nestjs-cls/transactional';
import type { Pool } from 'pg';
import { SqlTransactions, toSqlClient, type SqlClient } from './sql-client';

/**
 * {@link SqlTransactions} on nestjs-cls's `TransactionHost`, so outbox and inbox rows join
 * the same transaction as a handler's `@Transactional()` (Prisma adapter) writes.
 */
export class ClsSqlTransactions extends SqlTransactions {
  constructor(
    private readonly host: TransactionHost<never>,
    readonly pool: Pool,
  ) {
    super();
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    return this.host.withTransaction(fn);
  }

  active(): boolean {
    return this.host.isTransactionActive();
  }

  client(): SqlClient {
    return toSqlClient(this.host.tx ?? this.pool);
  }
}
