import { DynamicModule, Logger, Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { PERSISTENCE_SCHEMA, REDIS, SqlTransactions, withTimeout } from '@mikasmissions/persistence';
import type { RedisClient } from '@mikasmissions/persistence';
import { MemoryIdempotencyStore } from './adapters/memory/memory-idempotency.store';
import { IdempotencyPurger } from './adapters/postgres/idempotency-purger';
import { PostgresIdempotencyStore } from './adapters/postgres/postgres-idempotency.store';
import { RedisIdempotencyStore } from './adapters/redis/redis-idempotency.store';
import { idempotencyConfig } from './idempotency.config';
import { IdempotencyStage } from './idempotency.stage';
import {
  IDEMPOTENCY_OPTIONS,
  IdempotencyModuleOptions,
  ResolvedIdempotencyModuleOptions,
  resolveIdempotencyOptions,
} from './idempotency.options';
import { IdempotencyStore } from './ports/idempotency-store';

type O = ResolvedIdempotencyModuleOptions;

/**
 * Picks the store: Postgres when asked, or in `auto` when the service's schema holds
 * `idempotency_keys` (a schema Postgres cannot be asked about at start-up is taken to hold it:
 * the claim then fails with 503 rather than run unprotected); else Redis, else memory.
 */
async function chooseStore(o: O, sql: SqlTransactions | null, schema: string, redis: RedisClient | null): Promise<IdempotencyStore> {
  const logger = new Logger('Idempotency');
  if (o.store === 'postgres' && !sql) throw new Error('IdempotencyModule: store "postgres" needs DATABASE_URL');
  if (o.store === 'redis' && !redis) throw new Error('IdempotencyModule: store "redis" needs REDIS_URL');
  if (sql && (o.store === 'postgres' || o.store === 'auto')) {
    const postgres = new PostgresIdempotencyStore(sql, schema);
    const present = await withTimeout(postgres.tableExists(), 3_000, 'Postgres did not answer within 3000 ms').catch((error: unknown) => {
      logger.warn(`cannot check "${schema}"."idempotency_keys" (${(error as Error).message}); using the Postgres store`);
      return true;
    });
    if (present) {
      logger.log(`store: postgres (schema ${schema}; answers commit with the handler's writes)`);
      return postgres;
    }
    if (o.store === 'postgres')
      throw new Error(
        `IdempotencyModule: "${schema}"."idempotency_keys" is missing: declare "idempotency" in prisma/<service>/platform.json and run pnpm run migrate`,
      );
    logger.log(`no "${schema}"."idempotency_keys" (declare "idempotency" in platform.json to keep answers with the writes)`);
  }
  const store = redis && o.store !== 'memory' ? new RedisIdempotencyStore(redis, o.keyPrefix) : new MemoryIdempotencyStore();
  logger.log(`store: ${store instanceof RedisIdempotencyStore ? 'redis' : 'memory'}`);
  return store;
}

/**
 * Enables {@link Idempotency}: routes that carry it get the `idempotency` stage of the request
 * pipeline. Records live in Postgres when the service's schema has `idempotency_keys` (the
 * answer commits in the handler's transaction, with its rows and outbox rows; expired rows are
 * purged on a timer), else in Redis when `REDIS_URL` is set (atomic Lua claims with expiry),
 * else in process memory. Variables: {@link idempotencyConfig}.
 *
 * @example
 * @Module({ imports: [IdempotencyModule.forRoot()] })
 */
@UsesConfig(idempotencyConfig)
@Module({})
export class IdempotencyModule {
  static forRoot(options: IdempotencyModuleOptions = {}): DynamicModule {
    resolveIdempotencyOptions(options);
    return {
      module: IdempotencyModule,
      providers: [
        {
          provide: IDEMPOTENCY_OPTIONS,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => resolveIdempotencyOptions(options, config.slice(idempotencyConfig)),
        },
        {
          provide: IdempotencyStore,
          inject: [IDEMPOTENCY_OPTIONS, SqlTransactions, PERSISTENCE_SCHEMA, REDIS],
          useFactory: (o: O, sql: SqlTransactions | null, schema: string, redis: RedisClient | null) => chooseStore(o, sql, schema, redis),
        },
        {
          provide: IdempotencyPurger,
          inject: [IDEMPOTENCY_OPTIONS, IdempotencyStore],
          useFactory: (o: O, store: IdempotencyStore) =>
            store instanceof PostgresIdempotencyStore ? new IdempotencyPurger(store, o.purgeIntervalMs, o.purgeBatchSize) : null,
        },
        IdempotencyStage,
      ],
      exports: [IdempotencyStore],
    };
  }
}
