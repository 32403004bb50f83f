import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@mikasmissions/persistence';
import { CacheEntry, CacheStore } from '../../ports/cache-store';

/** Marks one entry stale if it still exists; 0 when it is gone (then its tag membership is dropped). */
const MARK_EXPIRED = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  redis.call('HSET', KEYS[1], 'expired', '1')
  return 1
end
return 0`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Cached responses in Redis, shared by every replica: one hash per entry (expiring after
 * ttl + swr), one set per tag listing its entries, and `SET NX PX` locks so one replica fills or
 * revalidates a key at a time (a crashed holder's lock expires).
 *
 * Cluster-safe: every command, `MULTI` and script touches one key, so entries and tags spread
 * over the slots of a Redis Cluster. A tag is invalidated member by member: `deleteByTag` takes
 * `SMEMBERS`, `SREM`s exactly those, then `DEL`s each entry (an entry refilled meanwhile is tagged
 * again, at worst deleted once more); `expireByTag` marks each entry with a one-key script and
 * drops only the members that are gone (re-adding one refilled meanwhile).
 */
export class RedisCacheStore extends CacheStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'mm:cache:',
  ) {
    super();
  }

  private entryKey(key: string): string {
    return `${this.prefix}e:${key}`;
  }

  private tagKey(tag: string): string {
    return `${this.prefix}t:${tag}`;
  }

  async get(key: string): Promise<CacheEntry | null> {
    const h = await this.redis.hgetall(this.entryKey(key));
    if (!h.body && h.body !== '') return null;
    return {
      body: h.body,
      storedAt: Number(h.storedAt),
      ttlMs: Number(h.ttlMs),
      swrMs: Number(h.swrMs),
      tags: h.tags ? (JSON.parse(h.tags) as string[]) : [],
      expired: h.expired === '1' || undefined,
    };
  }

  async set(key: string, entry: CacheEntry): Promise<void> {
    const k = this.entryKey(key);
    const retention = Math.max(1, entry.storedAt + entry.ttlMs + entry.swrMs - Date.now());
    const multi = this.redis
      .multi()
      .del(k)
      .hset(k, { body: entry.body, storedAt: entry.storedAt, ttlMs: entry.ttlMs, swrMs: entry.swrMs, tags: JSON.stringify(entry.tags) })
      .pexpire(k, retention);
    await multi.exec();
    await Promise.all(
      entry.tags.map((tag) => this.redis.multi().sadd(this.tagKey(tag), k).pexpire(this.tagKey(tag), Math.max(retention, 60_000)).exec()),
    );
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.entryKey(key));
  }

  async deleteByTag(tag: string): Promise<number> {
    const tagKey = this.tagKey(tag);
    const members = await this.redis.smembers(tagKey);
    if (members.length === 0) return 0;
    await this.redis.srem(tagKey, ...members);
    const deleted = await Promise.all(members.map((k) => this.redis.del(k)));
    return deleted.reduce((n, d) => n + d, 0);
  }

  async expireByTag(tag: string): Promise<number> {
    const tagKey = this.tagKey(tag);
    const members = await this.redis.smembers(tagKey);
    const marked = await Promise.all(members.map(async (k) => ((await this.redis.eval(MARK_EXPIRED, 1, k)) === 1 ? null : k)));
    const gone = marked.filter((k): k is string => k !== null);
    if (gone.length === 0) return members.length;
    await this.redis.srem(tagKey, ...gone);
    const refilled = (await Promise.all(gone.map(async (k) => ((await this.redis.exists(k)) === 1 ? k : null)))).filter(
      (k): k is string => k !== null,
    );
    if (refilled.length > 0) await this.redis.sadd(tagKey, ...refilled);
    return members.length - gone.length;
  }

  async acquireLock(name: string, ttlMs: number): Promise<string | null> {
    const token = randomUUID();
    const ok = await this.redis.set(`${this.prefix}l:${name}`, token, 'PX', ttlMs, 'NX');
    return ok === 'OK' ? token : null;
  }

  async releaseLock(name: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, `${this.prefix}l:${name}`, token);
  }
}
