import { Logger } from '@nestjs/common';
import Redis, { Cluster, type ClusterOptions, type RedisOptions } from 'ioredis';
import { Pool, type PoolClient } from 'pg';

/**
 * The Redis client every Redis user takes: one server (`Redis`) or a Redis Cluster (`Cluster`,
 * when `REDIS_CLUSTER_NODES` is set). Both answer the same commands; in a cluster every
 * multi-key command, `MULTI` and Lua script must keep its keys in one hash slot (`{tag}`).
 */
export type RedisClient = Redis | Cluster;

/** The options every platform client shares: fail fast while disconnected, reconnect in the background. */
const FAIL_FAST: RedisOptions = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  retryStrategy: (times) => Math.min(times * 200, 2_000),
};

/**
 * Parses `REDIS_CLUSTER_NODES` (`host:port,host:port`) into ioredis start-up nodes; throws on
 * an entry without a numeric port.
 *
 * @example
 * parseClusterNodes('10.0.0.1:6379, 10.0.0.2:6379') // [{ host: '10.0.0.1', port: 6379 }, …]
 */
export function parseClusterNodes(list: string | readonly string[]): Array<{ host: string; port: number }> {
  const entries = (typeof list === 'string' ? list.split(',') : [...list]).map((e) => e.trim()).filter(Boolean);
  return entries.map((entry) => {
    const at = entry.lastIndexOf(':');
    const host = entry.slice(0, at).replace(/^\[(.*)\]$/, '$1');
    const port = Number(entry.slice(at + 1));
    if (at <= 0 || !Number.isInteger(port) || port < 1 || port > 65_535)
      throw new Error(`REDIS_CLUSTER_NODES: "${entry}" is not host:port`);
    return { host, port };
  });
}

/**
 * A Redis connection to `url`, or to the cluster of `clusterNodes` (then `url` only lends its
 * credentials and TLS), with `options` for each node's connection.
 */
export function connectRedis(url: string, clusterNodes: undefined, options: RedisOptions): Redis;
export function connectRedis(url: string, clusterNodes: readonly string[] | undefined, options: RedisOptions): RedisClient;
export function connectRedis(url: string, clusterNodes: readonly string[] | undefined, options: RedisOptions): RedisClient {
  if (!clusterNodes || clusterNodes.length === 0) return new Redis(url, options);
  const parsed = new URL(url);
  const auth: RedisOptions = {
    ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
    ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
    ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
  };
  const { lazyConnect, enableOfflineQueue, maxRetriesPerRequest, retryStrategy, ...perNode } = options;
  const cluster: ClusterOptions = {
    lazyConnect,
    enableOfflineQueue,
    maxRedirections: 16,
    clusterRetryStrategy: retryStrategy ?? ((times) => Math.min(times * 200, 2_000)),
    redisOptions: { ...perNode, ...auth, maxRetriesPerRequest },
  };
  return new Cluster(parseClusterNodes(clusterNodes), cluster);
}

/**
 * An ioredis client that fails fast while disconnected (no offline queue), so a Redis
 * outage turns into an error the caller can handle instead of a request that hangs. With
 * `clusterNodes` (`REDIS_CLUSTER_NODES`) it is a Redis Cluster client.
 */
export function createRedisClient(url: string, name?: string): Redis;
export function createRedisClient(url: string, name: string | undefined, clusterNodes: readonly string[] | undefined): RedisClient;
export function createRedisClient(url: string, name = 'mikasmissions', clusterNodes?: readonly string[]): RedisClient {
  const client = connectRedis(url, clusterNodes, { ...FAIL_FAST, connectionName: name });
  reportRedisErrors(client);
  return client;
}

/** One structured log line per outage (not one stack trace per reconnect attempt). */
function reportRedisErrors(client: RedisClient): void {
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
export async function pingRedis(redis: RedisClient, timeoutMs = 1_000): Promise<void> {
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
