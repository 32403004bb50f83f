import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig, StoreKind } from '@mikasmissions/config';
import type { RedisClient } from './connections';
import type { Pool } from 'pg';
import { pingPostgres, pingRedis } from './connections';
import { PG_POOL, REDIS } from './persistence.tokens';

/** Thrown at start-up in strict mode when a configured store cannot be reached. */
export class StoreUnreachableError extends Error {
  constructor(store: 'Postgres' | 'Redis', cause: unknown) {
    super(`${store} is unreachable in strict persistence mode: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StoreUnreachableError';
  }
}

/**
 * Knows which stores this process uses, checks them at start-up (fatal in strict mode,
 * a warning otherwise), and closes them last on shutdown.
 */
@Injectable()
export class PersistenceService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Persistence');

  constructor(
    private readonly config: AppConfig,
    @Inject(REDIS) readonly redis: RedisClient | null,
    @Inject(PG_POOL) readonly pool: Pool | null,
  ) {}

  /** Where durable state of a port should live: Postgres if configured, else Redis, else memory. */
  preferredStore(options: { postgres?: boolean; redis?: boolean } = { postgres: true, redis: true }): StoreKind {
    if (options.postgres !== false && this.pool) return 'postgres';
    if (options.redis !== false && this.redis) return 'redis';
    return 'memory';
  }

  get strict(): boolean {
    return this.config.persistence.strict;
  }

  async onApplicationBootstrap(): Promise<void> {
    const checks: Array<Promise<void>> = [];
    if (this.pool) checks.push(this.check('Postgres', () => pingPostgres(this.pool as Pool, 3_000)));
    if (this.redis) checks.push(this.check('Redis', () => pingRedis(this.redis as RedisClient, 3_000)));
    await Promise.all(checks);
    this.logger.log(`stores: postgres=${this.pool ? 'on' : 'off'} redis=${this.redis ? 'on' : 'off'} mode=${this.config.persistence.mode}`);
  }

  private async check(store: 'Postgres' | 'Redis', ping: () => Promise<void>): Promise<void> {
    try {
      await ping();
    } catch (error) {
      if (this.strict) throw new StoreUnreachableError(store, error);
      this.logger.warn(`${store} is not reachable yet; readiness will report it: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([
      this.redis && this.redis.status !== 'end' ? this.redis.quit().catch(() => this.redis?.disconnect()) : undefined,
      this.pool && !this.pool.ended ? this.pool.end() : undefined,
    ]);
  }
}
