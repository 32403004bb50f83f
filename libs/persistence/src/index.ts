export { createPgPool, createRedisClient, pingPostgres, pingRedis, stripPrismaParams, withTimeout } from './connections';
export { inPgTransaction } from './pg-transaction';
export { PersistenceModule } from './persistence.module';
export { PersistenceService, StoreUnreachableError } from './persistence.service';
export { PG_POOL, REDIS } from './persistence.tokens';
