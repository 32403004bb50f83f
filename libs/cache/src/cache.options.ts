/** Options of `CacheModule.forRoot`; every field has a default. */
export interface CacheModuleOptions {
  /** `auto` = Redis when REDIS_URL is set, else memory. Default: `auto`. */
  store?: 'auto' | 'memory' | 'redis';
  /** Redis key prefix. Default: `mm:cache:`. */
  keyPrefix?: string;
  /** TTL of the fill/revalidation locks (a crashed holder's lock frees itself after it). Default: 10 s. */
  lockTtlMs?: number;
  /** How long a miss waits for another replica that is filling the key before calling the origin itself. Default: 3 s. */
  fillWaitMs?: number;
}

/** {@link CacheModuleOptions} with defaults applied. */
export type ResolvedCacheModuleOptions = Required<CacheModuleOptions>;

/** Injection token of the resolved module options. */
export const CACHE_OPTIONS = Symbol.for('mikasmissions.cache.options');

/** Applies the defaults and rejects bad options at start-up. */
export function resolveCacheOptions(options: CacheModuleOptions = {}): ResolvedCacheModuleOptions {
  const resolved = {
    store: options.store ?? 'auto',
    keyPrefix: options.keyPrefix ?? 'mm:cache:',
    lockTtlMs: options.lockTtlMs ?? 10_000,
    fillWaitMs: options.fillWaitMs ?? 3_000,
  };
  if (!Number.isInteger(resolved.lockTtlMs) || resolved.lockTtlMs < 100) throw new Error('CacheModule: lockTtlMs must be an integer ≥ 100');
  if (!Number.isInteger(resolved.fillWaitMs) || resolved.fillWaitMs < 0) throw new Error('CacheModule: fillWaitMs must be an integer ≥ 0');
  return resolved;
}
