import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { Pool } from 'pg';

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

/** A pg pool with bounded connect time so readiness checks answer promptly. */
export function createPgPool(url: string, max = 10): Pool {
  return new Pool({ connectionString: stripPrismaParams(url), max, connectionTimeoutMillis: 2_000 });
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

/** One round trip to Postgres (`SELECT 1`), bounded by `timeoutMs`. */
export async function pingPostgres(pool: Pool, timeoutMs = 1_000): Promise<void> {
  await withTimeout(pool.query('SELECT 1'), timeoutMs, `Postgres did not answer within ${timeoutMs} ms`);
}
