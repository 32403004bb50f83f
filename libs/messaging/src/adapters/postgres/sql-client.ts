import type { Pool } from 'pg';

/** The smallest SQL surface the Postgres adapters need: positional params, rows back. */
export interface SqlClient {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<R[]>;
  /** A statement without a result set (`SAVEPOINT`, …). */
  execute(sql: string): Promise<void>;
}

type PrismaLike = { $queryRawUnsafe<T>(sql: string, ...params: unknown[]): Promise<T>; $executeRawUnsafe(sql: string): Promise<number> };
type PgLike = { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Wraps whatever a transaction host hands out — a Prisma (transaction) client or a pg
 * pool/client — as a {@link SqlClient}.
 */
export function toSqlClient(connection: unknown): SqlClient {
  if (connection && typeof (connection as PrismaLike).$queryRawUnsafe === 'function') {
    const prisma = connection as PrismaLike;
    return {
      query: <R>(sql: string, params: unknown[] = []) => prisma.$queryRawUnsafe<R[]>(sql, ...params),
      execute: async (sql: string) => void (await prisma.$executeRawUnsafe(sql)),
    };
  }
  if (connection && typeof (connection as PgLike).query === 'function') {
    const pg = connection as PgLike;
    return {
      query: async <R>(sql: string, params: unknown[] = []) => (await pg.query(sql, params)).rows as R[],
      execute: async (sql: string) => void (await pg.query(sql)),
    };
  }
  throw new Error('messaging: no SQL connection available (expected a Prisma client or a pg pool)');
}

/**
 * Runs work in one database transaction and tells adapters which connection belongs to
 * the current one. {@link ClsSqlTransactions} (nestjs-cls `TransactionHost`) in apps,
 * {@link PoolSqlTransactions} for scripts and tests.
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

/** Quotes a schema name for SQL (`analytics` → `"analytics"`), rejecting anything odd. */
export function quoteSchema(schema: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`messaging: invalid schema name "${schema}"`);
  return `"${schema}"`;
}
