/** Options of `IdempotencyModule.forRoot`; every field has a default. */
export interface IdempotencyModuleOptions {
  /** Where records live: `auto` = Redis when REDIS_URL is set, else memory. Default: `auto`. */
  store?: 'auto' | 'memory' | 'redis';
  /** Redis key prefix. Default: `mm:idem:`. */
  keyPrefix?: string;
  /** TTL of an in-flight claim; renewed every third of it while the handler runs. Default: 30 s. */
  lockTtlMs?: number;
}

/** {@link IdempotencyModuleOptions} with the defaults applied. */
export type ResolvedIdempotencyModuleOptions = Required<IdempotencyModuleOptions>;

/** Injection token of the resolved module options. */
export const IDEMPOTENCY_OPTIONS = Symbol.for('mikasmissions.idempotency.options');

/** Applies the defaults and rejects bad options at start-up. */
export function resolveIdempotencyOptions(options: IdempotencyModuleOptions = {}): ResolvedIdempotencyModuleOptions {
  const lockTtlMs = options.lockTtlMs ?? 30_000;
  if (!Number.isInteger(lockTtlMs) || lockTtlMs < 100) throw new Error(`IdempotencyModule: lockTtlMs must be an integer ≥ 100, got ${String(options.lockTtlMs)}`);
  return { store: options.store ?? 'auto', keyPrefix: options.keyPrefix ?? 'mm:idem:', lockTtlMs };
}
