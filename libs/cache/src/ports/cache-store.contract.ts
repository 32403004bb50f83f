import type { CacheEntry, CacheStore } from './cache-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const entry = (over: Partial<CacheEntry> = {}): CacheEntry => ({
  body: '{"a":1}',
  storedAt: Date.now(),
  ttlMs: 5_000,
  swrMs: 5_000,
  tags: [],
  ...over,
});

/**
 * The behaviour every {@link CacheStore} adapter must have. Call from one spec per adapter:
 * `describeCacheStoreContract('redis', () => new RedisCacheStore(…))`.
 */
export function describeCacheStoreContract(name: string, make: () => CacheStore | Promise<CacheStore>): void {
  describe(`CacheStore contract: ${name}`, () => {
    let store: CacheStore;
    let n = 0;
    const key = () => `k${Date.now()}-${n++}`;
    beforeEach(async () => {
      store = await make();
    });

    it('stores and returns an entry, and deletes it', async () => {
      const k = key();
      const e = entry({ tags: ['x', 'y'] });
      await store.set(k, e);
      expect(await store.get(k)).toEqual(e);
      await store.delete(k);
      expect(await store.get(k)).toBeNull();
    });

    it('forgets an entry after ttl + swr', async () => {
      const k = key();
      await store.set(k, entry({ ttlMs: 100, swrMs: 100 }));
      expect(await store.get(k)).not.toBeNull();
      await sleep(350);
      expect(await store.get(k)).toBeNull();
    });

    it('deletes by tag across keys, leaving others', async () => {
      const [a, b, c] = [key(), key(), key()];
      const tag = `tag-${a}`;
      await store.set(a, entry({ tags: [tag] }));
      await store.set(b, entry({ tags: [tag, 'other'] }));
      await store.set(c, entry({ tags: ['other'] }));
      expect(await store.deleteByTag(tag)).toBe(2);
      expect(await store.get(a)).toBeNull();
      expect(await store.get(b)).toBeNull();
      expect(await store.get(c)).not.toBeNull();
    });

    it('expireByTag marks entries stale but keeps them', async () => {
      const [a, b] = [key(), key()];
      const tag = `tag-${a}`;
      await store.set(a, entry({ tags: [tag] }));
      await store.set(b, entry());
      expect(await store.expireByTag(tag)).toBe(1);
      expect(await store.get(a)).toMatchObject({ body: '{"a":1}', expired: true });
      expect((await store.get(b))?.expired).toBeFalsy();
    });

    it('grants a lock to one holder at a time; it expires or is released by its token', async () => {
      const lock = `lock-${key()}`;
      const tokens = await Promise.all(Array.from({ length: 20 }, () => store.acquireLock(lock, 300)));
      const held = tokens.filter((t): t is string => t !== null);
      expect(held).toHaveLength(1);
      await store.releaseLock(lock, 'not-the-token');
      expect(await store.acquireLock(lock, 300)).toBeNull();
      await sleep(450);
      const after = await store.acquireLock(lock, 5_000);
      expect(after).not.toBeNull();
      await store.releaseLock(lock, after as string);
      expect(await store.acquireLock(lock, 5_000)).not.toBeNull();
    });
  });
}
