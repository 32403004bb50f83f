import type { Pool } from 'pg';

/** The smallest SQL surface Postgres adapters need: positional params, rows back. */
export interface SqlClient {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A statement without a result set (`SAVEPOINT`, …). */
  execute(sql: string): Promise<void>;
}

/**
 * Runs work in one database transaction and tells adapters which connection belongs to
 * the current one. `ClsSqlTransactions` (nestjs-cls `TransactionHost`, provided by
 * `PersistenceModule`) in apps, `PoolSqlTransactions` for scripts and tests.
 *
 * @example
 * constructor(@Inject(SqlTransactions) private readonly sql: SqlTransactions | null) {}
 * await this.sql.client().query(`INSERT INTO ${quoteSchema(schema)}.things (id) VALUES ($1)`, [id]);
 */
export abstract class SqlTransactions {
  /** Runs `fn` in the current transaction, or a new one when none is active. */
  abstract run<T>(fn: () => Promise<T>): Promise<T>;
  /** The connection of the current transaction, or an auto-commit one. */
  abstract client(): SqlClient;
  /** Whether a transaction is active in the current async context. */
  abstract active(): boolean;
  /** The pool, for work that must not join the caller's transaction (relay, CLI). */
  abstract readonly pool: Pool;
}
