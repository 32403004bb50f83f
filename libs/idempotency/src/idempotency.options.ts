import type { IdempotencyEnv } from './idempotency.config';

/** Options of `IdempotencyModule.forRoot`; every field has a default. */
export interface IdempotencyModuleOptions {
  /**
   * Where records live. `auto`: Postgres when the service has a database and its schema holds
   * `idempotency_keys` (the answer then commits with the handler's writes), else Redis when
   * REDIS_URL is set, else memory. Default: `auto`.
   */
  store?: 'auto' | 'memory' | 'redis' | 'postgres';
  /** Redis key prefix. Default: `mm:idem:`. */
  keyPrefix?: string;
  /** TTL of an in-flight claim; renewed every third of it while the handler runs. Default: 30 s (`IDEMPOTENCY_LOCK_TTL_MS`). */
  lockTtlMs?: number;
  /**
   * How long a 4xx answer is replayed (capped by the route's `ttlMs`): a client that fixes its
   * request sends a new key, so rejected keys are rarely asked again. Default: 1 h (`IDEMPOTENCY_ERROR_TTL_MS`).
   */
  errorTtlMs?: number;
  /** Postgres: how often expired rows are purged. Default: 10 s (`IDEMPOTENCY_PURGE_INTERVAL_MS`). */
  purgeIntervalMs?: number;
  /** Postgres: rows deleted per purge statement (at most 10 statements per run). Default: 1,000 (`IDEMPOTENCY_PURGE_BATCH_SIZE`). */
  purgeBatchSize?: number;
}

/** {@link IdempotencyModuleOptions} with the defaults applied. */
export type ResolvedIdempotencyModuleOptions = Required<IdempotencyModuleOptions>;

/** Injection token of the resolved module options. */
export const IDEMPOTENCY_OPTIONS = Symbol.for('mikasmissions.idempotency.options');

/** Default retention of a 4xx answer. */
export const DEFAULT_IDEMPOTENCY_ERROR_TTL_MS = 60 * 60 * 1000;

const STORES = ['auto', 'memory', 'redis', 'postgres'];

function atLeast(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new Error(`IdempotencyModule: ${name} must be an integer ≥ ${min}, got ${String(value)}`);
  return value;
}

/** Applies the defaults, then the validated environment overrides, and rejects bad options at start-up. */
export function resolveIdempotencyOptions(
  options: IdempotencyModuleOptions = {},
  env: IdempotencyEnv = {},
): ResolvedIdempotencyModuleOptions {
  const store = options.store ?? 'auto';
  if (!STORES.includes(store)) throw new Error(`IdempotencyModule: store must be one of ${STORES.join(', ')}, got ${String(store)}`);
  return {
    store,
    keyPrefix: env.IDEMPOTENCY_KEY_PREFIX ?? options.keyPrefix ?? 'mm:idem:',
    lockTtlMs: atLeast('lockTtlMs', env.IDEMPOTENCY_LOCK_TTL_MS ?? options.lockTtlMs ?? 30_000, 100),
    errorTtlMs: atLeast('errorTtlMs', env.IDEMPOTENCY_ERROR_TTL_MS ?? options.errorTtlMs ?? DEFAULT_IDEMPOTENCY_ERROR_TTL_MS, 1_000),
    purgeIntervalMs: atLeast('purgeIntervalMs', env.IDEMPOTENCY_PURGE_INTERVAL_MS ?? options.purgeIntervalMs ?? 10_000, 100),
    purgeBatchSize: atLeast('purgeBatchSize', env.IDEMPOTENCY_PURGE_BATCH_SIZE ?? options.purgeBatchSize ?? 1_000, 1),
  };
}
