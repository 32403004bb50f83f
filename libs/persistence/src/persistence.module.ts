import { DynamicModule, Global, Module, type ModuleMetadata } from '@nestjs/common';
import { ClsPluginTransactional, TransactionHost } from '@nestjs-cls/transactional';
import { AppConfig } from '@mikasmissions/config';
import { ClsModule } from 'nestjs-cls';
import type { Pool } from 'pg';
import { ClsSqlTransactions } from './adapters/postgres/cls-sql-transactions';
import { PlatformTransactionalAdapter } from './adapters/postgres/platform-transactional.adapter';
import { createPgPool, createRedisClient } from './connections';
import { resolvePersistenceOptions, type PersistenceModuleOptions } from './persistence.options';
import { PersistenceService } from './persistence.service';
import { PERSISTENCE_OPTIONS, PERSISTENCE_SCHEMA, PG_POOL, REDIS } from './persistence.tokens';
import { SqlTransactions } from './ports/sql-transactions';

function persistenceMetadata(options: PersistenceModuleOptions): ModuleMetadata {
  const resolved = resolvePersistenceOptions(options);
  const transactional = new ClsPluginTransactional({
    imports: (resolved.prisma?.imports ?? []) as never[],
    adapter: new PlatformTransactionalAdapter(resolved.prisma?.token),
  });
  return {
    imports: [ClsModule.registerPlugins([transactional])],
    providers: [
      { provide: PERSISTENCE_OPTIONS, useValue: resolved },
      { provide: PERSISTENCE_SCHEMA, useValue: resolved.schema },
      {
        provide: REDIS,
        inject: [AppConfig],
        useFactory: (c: AppConfig) =>
          c.persistence.redisUrl ? createRedisClient(c.persistence.redisUrl, 'mikasmissions', c.persistence.redisClusterNodes) : null,
      },
      {
        provide: PG_POOL,
        inject: [AppConfig],
        useFactory: (c: AppConfig) => (c.persistence.databaseUrl ? createPgPool(c.persistence.databaseUrl) : null),
      },
      {
        provide: SqlTransactions,
        inject: [TransactionHost, PG_POOL],
        useFactory: (host: TransactionHost<never>, pool: Pool | null) => (pool ? new ClsSqlTransactions(host, pool) : null),
      },
      PersistenceService,
    ],
    exports: [REDIS, PG_POOL, SqlTransactions, PersistenceService, PERSISTENCE_OPTIONS, PERSISTENCE_SCHEMA],
  };
}

/** What `PersistenceModule.forRoot(…)` returns; a class of its own so it never merges with the defaults below. */
@Module({})
class ConfiguredPersistenceModule {}

/**
 * Shared connections and transactions for the process, global:
 * - one ioredis client ({@link REDIS}) and one pg pool ({@link PG_POOL}), each `null` when
 *   its URL is not configured (memory mode);
 * - `@Transactional()` (nestjs-cls `@nestjs-cls/transactional`) on any provider: Prisma
 *   interactive transactions when `prisma` is given, pg transactions on the pool otherwise,
 *   a no-op in memory mode;
 * - {@link SqlTransactions}: the SQL connection of the current transaction, for plain-SQL
 *   adapters (outbox, inbox, AuthX), `null` without Postgres;
 * - {@link PERSISTENCE_SCHEMA}: the service's Postgres schema, where libs put their tables.
 *
 * Import `PersistenceModule.forRoot({ schema })` in a service; a bare `PersistenceModule`
 * import is `forRoot()` with the defaults (schema `public`, no Prisma), for tests.
 *
 * @example
 * PersistenceModule.forRoot({ schema: 'analytics', prisma: { token: AnalyticsPrismaService, imports: [InfraModule] } })
 */
@Global()
@Module(persistenceMetadata({}))
export class PersistenceModule {
  static forRoot(options: PersistenceModuleOptions = {}): DynamicModule {
    return { module: ConfiguredPersistenceModule, global: true, ...persistenceMetadata(options) };
  }
}
