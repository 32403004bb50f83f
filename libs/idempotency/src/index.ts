export { MemoryIdempotencyStore } from './adapters/memory/memory-idempotency.store';
export { IdempotencyPurger } from './adapters/postgres/idempotency-purger';
export { PostgresIdempotencyStore } from './adapters/postgres/postgres-idempotency.store';
export { RedisIdempotencyStore } from './adapters/redis/redis-idempotency.store';
export { DEFAULT_IDEMPOTENCY_TTL_MS, Idempotency, IdempotencyDecorator } from './idempotency.decorator';
export type { IdempotencyMetadata, IdempotencyOptions } from './idempotency.decorator';
export {
  IdempotencyClaimLostError,
  IdempotencyConflictError,
  IdempotencyKeyMismatchError,
  IdempotencyKeyRequiredError,
  IdempotencyUnavailableError,
  InvalidIdempotencyKeyError,
  ReplayedError,
} from './idempotency.errors';
export { IDEMPOTENCY_KEY_HEADER, IdempotencyStage, REPLAYED_HEADER } from './idempotency.stage';
export { IdempotencyModule } from './idempotency.module';
export { idempotencyConfig } from './idempotency.config';
export type { IdempotencyEnv } from './idempotency.config';
export { DEFAULT_IDEMPOTENCY_ERROR_TTL_MS } from './idempotency.options';
export type { IdempotencyModuleOptions } from './idempotency.options';
export { IdempotencyStore } from './ports/idempotency-store';
export type { ClaimResult, StoredResponse } from './ports/idempotency-store';
