import type { TransactionHost } from '@nestjs-cls/transactional';
import type { Pool } from 'pg';
import { SqlTransactions, type SqlClient } from '../../ports/sql-transactions';
import { toSqlClient } from './to-sql-client';

/**
 * {@link SqlTransactions} on nestjs-cls's `TransactionHost`, so outbox and inbox rows join
 * the same transaction as a `@Transactional()` method's writes (Prisma or pg).
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
