import type { Pool } from 'pg';
import { assertRowScope, enterRowScope, leaveRowScope, type RowScope } from '../row-scope';

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

  /**
   * Runs `fn` in the current transaction (or a new one) under a {@link RowScope}: the role and
   * settings row-level-security policies read, local to the transaction and undone when `fn`
   * returns, so later writes of the same transaction (an `@Publish` outbox row) run as before.
   * Scopes do not nest: an inner scope ends the outer one's settings.
   *
   * @example
   * await this.sql.runScoped({ role: 'identity_family', settings: { 'mm.parent_user_id': id } }, () => this.sql.client().query('SELECT …'));
   */
  async runScoped<T>(scope: RowScope, fn: () => Promise<T>): Promise<T> {
    assertRowScope(scope);
    return this.run(async () => {
      const client = this.client();
      await enterRowScope(client, scope);
      const result = await fn();
      await leaveRowScope(client, scope);
      return result;
    });
  }
}
