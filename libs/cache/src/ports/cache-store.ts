/** One cached response body with the policy it was stored under. */
export interface CacheEntry {
  /** JSON text of the body. */
  body: string;
  /** Epoch ms when the origin produced it. */
  storedAt: number;
  ttlMs: number;
  swrMs: number;
  tags: string[];
  /** Marked stale by `expireByTag` before its ttl ran out. */
  expired?: boolean;
}

/**
 * Port: where cached responses live. Entries disappear by themselves after `ttlMs + swrMs`.
 * Locks are named, expire after their TTL (a crashed holder frees them) and only their token
 * releases them. Adapters: memory, Redis.
 */
export abstract class CacheStore {
  abstract get(key: string): Promise<CacheEntry | null>;
  /** Stores `entry` (and indexes it under its tags) for `ttlMs + swrMs`. */
  abstract set(key: string, entry: CacheEntry): Promise<void>;
  abstract delete(key: string): Promise<void>;
  /** Deletes every entry carrying `tag`; resolves with how many. */
  abstract deleteByTag(tag: string): Promise<number>;
  /** Marks every entry carrying `tag` stale (still served within its SWR window); resolves with how many. */
  abstract expireByTag(tag: string): Promise<number>;
  /** A token when the lock was free, `null` when someone holds it. */
  abstract acquireLock(name: string, ttlMs: number): Promise<string | null>;
  abstract releaseLock(name: string, token: string): Promise<void>;
}
