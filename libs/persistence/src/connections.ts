import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { Pool, type PoolClient } from 'pg';

/**
 * An ioredis client that fails fast while disconnected (no offline queue), so a Redis
 * outage turns into an error the caller can handle instead of a request that hangs.
 */
export function createRedisClient(url: string, name = 'mikasmissions'): Redis {
  const client = new Redis(url, {
    connectionName: name,
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  reportRedisErrors(client);
  return client;
}

/** One structured log line per outage (not one stack trace per reconnect attempt). */
function reportRedisErrors(client: Redis): void {
  const logger = new Logger('Redis');
  let down = false;
  client.on('error', (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(`Redis connection lost: ${error.message}; retrying in the background`);
  });
  client.on('ready', () => {
    if (down) logger.log('Redis connection restored');
    down = false;
  });
}

/**
 * A pg pool with bounded connect time (so readiness checks answer promptly) that survives a
 * Postgres restart: a connection that dies, idle or checked out, is logged (once per outage)
 * and dropped instead of crashing the process with an unhandled `error` event; the next
 * query opens a fresh connection.
 */
export function createPgPool(url: string, max = 10): Pool {
  const pool = new Pool({ connectionString: stripPrismaParams(url), max, connectionTimeoutMillis: 2_000, keepAlive: true });
  reportPgErrors(pool);
  return pool;
}

/**
 * Listens for the `error` events pg emits when a connection dies (Postgres restarted,
 * `pg_terminate_backend`, network cut): on the pool (idle clients) and on every client it
 * opens (checked-out ones, which pg-pool leaves without a listener). One warning per outage;
 * one line when a connection succeeds again.
 */
function reportPgErrors(pool: Pool): void {
  const logger = new Logger('Postgres');
  let down = false;
  const lost = (error: Error) => {
    if (down) return;
    down = true;
    logger.warn(`Postgres connection lost: ${error.message}; reconnecting on the next query`);
  };
  pool.on('error', lost);
  pool.on('connect', (client: PoolClient) => {
    client.on('error', lost);
    if (down) logger.log('Postgres connection restored');
    down = false;
  });
}

/** `pg` rejects Prisma-only query parameters such as `schema`; drop them. */
export function stripPrismaParams(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.delete('schema');
  return parsed.toString();
}

/** Resolves when `promise` settles, or rejects after `ms` with `message`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(message)), ms);
      }),
    ]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** One round trip to Redis (`PING`), bounded by `timeoutMs`. */
export async function pingRedis(redis: Redis, timeoutMs = 1_000): Promise<void> {
  if (redis.status === 'wait' || redis.status === 'end') {
    await withTimeout(redis.connect(), timeoutMs, `Redis did not connect within ${timeoutMs} ms`);
  }
  await withTimeout(redis.ping(), timeoutMs, `Redis did not answer PING within ${timeoutMs} ms`);
}

/**
 * One round trip to Postgres (`SELECT 1`) on a pool connection, bounded by `timeoutMs`. A
 * connection that does not answer in time is destroyed rather than returned, so probes against
 * a hanging server never pile up and exhaust the pool.
 */
export async function pingPostgres(pool: Pool, timeoutMs = 1_000): Promise<void> {
  let client: PoolClient | undefined;
  let abandoned = false;
  const attempt = (async () => {
    const acquired = await pool.connect();
    if (abandoned) return acquired.release(new Error('readiness probe timed out'));
    client = acquired;
    try {
      await acquired.query('SELECT 1');
    } catch (error) {
      client = undefined;
      acquired.release(error as Error);
      throw error;
    }
    client = undefined;
    acquired.release();
  })();
  try {
    await withTimeout(attempt, timeoutMs, `Postgres did not answer within ${timeoutMs} ms`);
  } catch (error) {
    abandoned = true;
    attempt.catch(() => undefined);
    client?.release(new Error('readiness probe timed out'));
    throw error;
  }
}
