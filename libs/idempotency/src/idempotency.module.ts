import { DynamicModule, Logger, Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { REDIS } from '@mikasmissions/persistence';
import type Redis from 'ioredis';
import { MemoryIdempotencyStore } from './adapters/memory/memory-idempotency.store';
import { RedisIdempotencyStore } from './adapters/redis/redis-idempotency.store';
import { IdempotencyStage } from './idempotency.stage';
import { idempotencyConfig } from './idempotency.config';
import { IDEMPOTENCY_OPTIONS, IdempotencyModuleOptions, ResolvedIdempotencyModuleOptions, resolveIdempotencyOptions } from './idempotency.options';
import { IdempotencyStore } from './ports/idempotency-store';

/**
 * Enables {@link Idempotency}: routes that carry it get the `idempotency` stage of the request pipeline. Records live in Redis
 * when `REDIS_URL` is set (the durable, cross-replica store: atomic Lua claims with expiry),
 * else in process memory.
 *
 * @example
 * @Module({ imports: [IdempotencyModule.forRoot()] })
 */
@UsesConfig(idempotencyConfig)
@Module({})
export class IdempotencyModule {
  static forRoot(options: IdempotencyModuleOptions = {}): DynamicModule {
    const resolved = resolveIdempotencyOptions(options);
    return {
      module: IdempotencyModule,
      providers: [
        { provide: IDEMPOTENCY_OPTIONS, inject: [AppConfig], useFactory: (config: AppConfig) => ({ ...resolved, keyPrefix: config.slice(idempotencyConfig).IDEMPOTENCY_KEY_PREFIX ?? resolved.keyPrefix }) },
        {
          provide: IdempotencyStore,
          inject: [REDIS, IDEMPOTENCY_OPTIONS],
          useFactory: (redis: Redis | null, o: ResolvedIdempotencyModuleOptions) => {
            if (o.store === 'redis' && !redis) throw new Error('IdempotencyModule: store "redis" needs REDIS_URL');
            const store = redis && o.store !== 'memory' ? new RedisIdempotencyStore(redis, o.keyPrefix) : new MemoryIdempotencyStore();
            new Logger('Idempotency').log(`store: ${store instanceof RedisIdempotencyStore ? 'redis' : 'memory'}`);
            return store;
          },
        },
        IdempotencyStage,
      ],
      exports: [IdempotencyStore],
    };
  }
}
