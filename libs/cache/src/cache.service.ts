import { Inject, Injectable, Logger } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { CACHE_OPTIONS, ResolvedCacheModuleOptions } from './cache.options';
import { CacheEntry, CacheStore } from './ports/cache-store';

/** How an answer was obtained: `HIT` fresh, `STALE` served while revalidating, `MISS` from origin. */
export type CacheState = 'HIT' | 'STALE' | 'MISS';

/** The caching policy of one call. */
export interface CachePolicy {
  ttlMs: number;
  swrMs: number;
  tags?: string[];
}

/** The answer of {@link CacheService.fetch}. */
export interface CacheResult {
  entry: CacheEntry;
  state: CacheState;
  /** Age of the entry in ms. */
  ageMs: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The stale-while-revalidate engine behind `@Cache`, usable from code too, plus
 * invalidation. Store failures (Redis down) are logged and the origin answers instead.
 *
 * @example
 * constructor(private readonly cache: CacheService) {}
 * await this.cache.invalidateTag('events');   // after a write
 */
@Injectable()
export class CacheService {
  private readonly logger = new Logger('Cache');
  private readonly inflight = new Map<string, Promise<CacheEntry>>();
  private readonly revalidating = new Set<string>();
  private lastStoreWarning = 0;

  constructor(
    private readonly store: CacheStore,
    private readonly ctx: RequestContext,
    @Inject(CACHE_OPTIONS) private readonly options: ResolvedCacheModuleOptions,
  ) {}

  /** The store key of `key` in a scope: the current tenant by default. */
  scopedKey(key: string, scope: 'tenant' | 'principal' | 'global' = 'tenant', tenantId = this.ctx.tenantId): string {
    if (scope === 'global') return `g|${key}`;
    if (scope === 'principal') return `t:${tenantId}|u:${this.ctx.principal?.userId ?? 'anonymous'}|${key}`;
    return `t:${tenantId}|${key}`;
  }

  /**
   * Answers from cache when fresh, serves stale and revalidates once in the background within
   * the SWR window, else loads once for all concurrent callers. `load` returns JSON text.
   */
  async fetch(key: string, policy: CachePolicy, load: () => Promise<string>): Promise<CacheResult> {
    let entry: CacheEntry | null;
    try {
      entry = await this.store.get(key);
    } catch (error) {
      this.storeDown(error);
      const fresh = await this.singleFlight(key, async () => this.toEntry(await load(), policy));
      return { entry: fresh, state: 'MISS', ageMs: 0 };
    }
    if (entry) {
      const ageMs = Math.max(0, Date.now() - entry.storedAt);
      if (!entry.expired && ageMs < entry.ttlMs) return { entry, state: 'HIT', ageMs };
      if (ageMs < entry.ttlMs + entry.swrMs) {
        this.revalidate(key, entry, policy, load);
        return { entry, state: 'STALE', ageMs };
      }
    }
    const fresh = await this.singleFlight(key, () => this.fill(key, policy, load));
    return { entry: fresh, state: 'MISS', ageMs: Math.max(0, Date.now() - fresh.storedAt) };
  }

  /** Deletes the entry of `key` in the current tenant (or the given scope/tenant). */
  async invalidate(key: string, scope: 'tenant' | 'principal' | 'global' = 'tenant', tenantId?: string): Promise<void> {
    await this.store.delete(this.scopedKey(key, scope, tenantId));
  }

  /** Deletes every entry tagged `tag`, in every tenant. */
  invalidateTag(tag: string): Promise<number> {
    return this.store.deleteByTag(tag);
  }

  /** Marks every entry tagged `tag` stale: still served within its SWR window while one refresh runs. */
  expireByTag(tag: string): Promise<number> {
    return this.store.expireByTag(tag);
  }

  private singleFlight(key: string, run: () => Promise<CacheEntry>): Promise<CacheEntry> {
    const existing = this.inflight.get(key);
    if (existing) return existing;
    const promise = run().finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  private toEntry(body: string, policy: CachePolicy): CacheEntry {
    return { body, storedAt: Date.now(), ttlMs: policy.ttlMs, swrMs: policy.swrMs, tags: policy.tags ?? [] };
  }

  private isFresh(entry: CacheEntry | null): entry is CacheEntry {
    return !!entry && !entry.expired && Date.now() - entry.storedAt < entry.ttlMs;
  }

  /**
   * A miss: one replica loads (lock in the store); the others wait briefly for its entry. The
   * holder re-reads first: a fill that finished between our read and our lock already answered.
   */
  private async fill(key: string, policy: CachePolicy, load: () => Promise<string>): Promise<CacheEntry> {
    const lock = `fill:${key}`;
    const token = await this.store.acquireLock(lock, this.options.lockTtlMs).catch((e: unknown) => {
      this.storeDown(e);
      return undefined;
    });
    if (token === null) {
      const deadline = Date.now() + this.options.fillWaitMs;
      while (Date.now() < deadline) {
        await sleep(25);
        const filled = await this.store.get(key).catch(() => null);
        if (this.isFresh(filled)) return filled;
      }
    }
    try {
      if (token) {
        const filled = await this.store.get(key).catch(() => null);
        if (this.isFresh(filled)) return filled;
      }
      const entry = this.toEntry(await load(), policy);
      await this.store.set(key, entry).catch((e: unknown) => this.storeDown(e));
      return entry;
    } finally {
      if (token) await this.store.releaseLock(lock, token).catch(() => undefined);
    }
  }

  /** One background refresh per key: in this process (a set) and across replicas (a lock). */
  private revalidate(key: string, stale: CacheEntry, policy: CachePolicy, load: () => Promise<string>): void {
    if (this.revalidating.has(key)) return;
    this.revalidating.add(key);
    const lock = `revalidate:${key}`;
    void (async () => {
      const token = await this.store.acquireLock(lock, this.options.lockTtlMs);
      if (!token) return;
      const current = await this.store.get(key);
      if (current && current.storedAt !== stale.storedAt && this.isFresh(current)) {
        await this.store.releaseLock(lock, token);
        return;
      }
      try {
        const entry = this.toEntry(await load(), policy);
        await this.store.set(key, entry);
        await this.store.releaseLock(lock, token);
      } catch (error) {
        this.logger.warn(`revalidation of ${key} failed; serving stale until it expires: ${(error as Error).message}`);
      }
    })()
      .catch((error: unknown) => this.storeDown(error))
      .finally(() => this.revalidating.delete(key));
  }

  private storeDown(error: unknown): void {
    if (Date.now() - this.lastStoreWarning < 10_000) return;
    this.lastStoreWarning = Date.now();
    this.logger.warn(`cache store unavailable, answering from origin: ${(error as Error).message}`);
  }
}
