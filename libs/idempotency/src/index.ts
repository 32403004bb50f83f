export { MemoryIdempotencyStore } from './adapters/memory/memory-idempotency.store';
export { RedisIdempotencyStore } from './adapters/redis/redis-idempotency.store';
export { DEFAULT_IDEMPOTENCY_TTL_MS, Idempotency, IdempotencyDecorator } from './idempotency.decorator';
export type { IdempotencyMetadata, IdempotencyOptions } from './idempotency.decorator';
export {
  IdempotencyConflictError,
  IdempotencyKeyMismatchError,
  IdempotencyKeyRequiredError,
  IdempotencyUnavailableError,
  InvalidIdempotencyKeyError,
  ReplayedError,
} from './idempotency.errors';
export { IDEMPOTENCY_KEY_HEADER, IdempotencyStage, REPLAYED_HEADER } from './idempotency.stage';
export { IdempotencyModule } from './idempotency.module';
export type { IdempotencyModuleOptions } from './idempotency.options';
export { IdempotencyStore } from './ports/idempotency-store';
export type { ClaimResult, StoredResponse } from './ports/idempotency-store';
