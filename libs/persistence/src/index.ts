export { ClsSqlTransactions } from './adapters/postgres/cls-sql-transactions';
export { PlatformTransactionalAdapter } from './adapters/postgres/platform-transactional.adapter';
export { PoolSqlTransactions } from './adapters/postgres/pool-sql-transactions';
export { toSqlClient } from './adapters/postgres/to-sql-client';
export {
  connectRedis,
  createPgPool,
  createRedisClient,
  parseClusterNodes,
  pingPostgres,
  pingRedis,
  stripPrismaParams,
  withTimeout,
} from './connections';
export type { RedisClient } from './connections';
export { inPgTransaction } from './pg-transaction';
export { PersistenceModule } from './persistence.module';
export { resolvePersistenceOptions } from './persistence.options';
export type { PersistenceModuleOptions, PersistencePrismaOptions, ResolvedPersistenceOptions } from './persistence.options';
export { PersistenceService, StoreUnreachableError } from './persistence.service';
export { PERSISTENCE_OPTIONS, PERSISTENCE_SCHEMA, PG_POOL, REDIS } from './persistence.tokens';
export { InvalidRowScopeError } from './row-scope';
export type { RowScope } from './row-scope';
export { SqlTransactions } from './ports/sql-transactions';
export type { SqlClient } from './ports/sql-transactions';
export { assertSchemaName, InvalidSchemaNameError, quoteSchema } from './schema-name';
