import { DynamicModule, Logger, Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { REDIS } from '@mikasmissions/persistence';
import type { RedisClient } from '@mikasmissions/persistence';
import { MemoryCacheStore } from './adapters/memory/memory-cache.store';
import { RedisCacheStore } from './adapters/redis/redis-cache.store';
import { CacheStage } from './cache.stage';
import { cacheConfig } from './cache.config';
import { CACHE_OPTIONS, CacheModuleOptions, ResolvedCacheModuleOptions, resolveCacheOptions } from './cache.options';
import { CacheService } from './cache.service';
import { CacheStore } from './ports/cache-store';

/**
 * Enables {@link Cache}: GET routes that carry it get the `cache` stage of the request pipeline and provides
 * {@link CacheService} for invalidation. Entries live in Redis when `REDIS_URL` is set (shared by
 * replicas), else in process memory.
 *
 * @example
 * @Module({ imports: [CacheModule.forRoot()] })
 */
@UsesConfig(cacheConfig)
@Module({})
export class CacheModule {
  static forRoot(options: CacheModuleOptions = {}): DynamicModule {
    const resolved = resolveCacheOptions(options);
    return {
      module: CacheModule,
      global: true,
      providers: [
        {
          provide: CACHE_OPTIONS,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({ ...resolved, keyPrefix: config.slice(cacheConfig).CACHE_KEY_PREFIX ?? resolved.keyPrefix }),
        },
        {
          provide: CacheStore,
          inject: [REDIS, CACHE_OPTIONS],
          useFactory: (redis: RedisClient | null, o: ResolvedCacheModuleOptions) => {
            if (o.store === 'redis' && !redis) throw new Error('CacheModule: store "redis" needs REDIS_URL');
            const store = redis && o.store !== 'memory' ? new RedisCacheStore(redis, o.keyPrefix) : new MemoryCacheStore();
            new Logger('Cache').log(`store: ${store instanceof RedisCacheStore ? 'redis' : 'memory'}`);
            return store;
          },
        },
        CacheService,
        CacheStage,
      ],
      exports: [CacheService, CacheStore],
    };
  }
}
