import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { createPgPool, createRedisClient } from './connections';
import { PersistenceService } from './persistence.service';
import { PG_POOL, REDIS } from './persistence.tokens';

/**
 * Shared connections for the process: one ioredis client ({@link REDIS}) and one pg pool
 * ({@link PG_POOL}), each `null` when its URL is not configured (memory mode).
 *
 * @example
 * constructor(@Inject(REDIS) private readonly redis: Redis | null) {}
 */
@Global()
@Module({
  providers: [
    { provide: REDIS, inject: [AppConfig], useFactory: (c: AppConfig) => (c.persistence.redisUrl ? createRedisClient(c.persistence.redisUrl) : null) },
    { provide: PG_POOL, inject: [AppConfig], useFactory: (c: AppConfig) => (c.persistence.databaseUrl ? createPgPool(c.persistence.databaseUrl) : null) },
    PersistenceService,
  ],
  exports: [REDIS, PG_POOL, PersistenceService],
})
export class PersistenceModule {}
