import type { SqlClient } from '../../ports/sql-transactions';

type PrismaLike = { $queryRawUnsafe<T>(sql: string, ...params: unknown[]): Promise<T>; $executeRawUnsafe(sql: string): Promise<number> };
type PgLike = { query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }> };

/**
 * Wraps whatever a transaction host hands out — a Prisma (transaction) client or a pg
 * pool/client — as a {@link SqlClient}.
 *
 * @example
 * const rows = await toSqlClient(pool).query<{ n: number }>('SELECT 1 AS n');
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
  throw new Error('persistence: no SQL connection available (expected a Prisma client or a pg pool)');
}
