import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { CacheEntry, CacheStore } from '../../ports/cache-store';

const DELETE_BY_TAG = `
local keys = redis.call('SMEMBERS', KEYS[1])
local n = 0
for _, k in ipairs(keys) do n = n + redis.call('DEL', k) end
redis.call('DEL', KEYS[1])
return n`;

const EXPIRE_BY_TAG = `
local keys = redis.call('SMEMBERS', KEYS[1])
local n = 0
for _, k in ipairs(keys) do
  if redis.call('EXISTS', k) == 1 then
    redis.call('HSET', k, 'expired', '1')
    n = n + 1
  else
    redis.call('SREM', KEYS[1], k)
  end
end
return n`;

const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Cached responses in Redis, shared by every replica: one hash per entry (expiring after
 * ttl + swr), one set per tag listing its entries, and `SET NX PX` locks so one replica fills or
 * revalidates a key at a time (a crashed holder's lock expires).
 */
export class RedisCacheStore extends CacheStore {
  constructor(
    private readonly redis: Redis,
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
    for (const tag of entry.tags) multi.sadd(this.tagKey(tag), k).pexpire(this.tagKey(tag), Math.max(retention, 60_000));
    await multi.exec();
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.entryKey(key));
  }

  async deleteByTag(tag: string): Promise<number> {
    return (await this.redis.eval(DELETE_BY_TAG, 1, this.tagKey(tag))) as number;
  }

  async expireByTag(tag: string): Promise<number> {
    return (await this.redis.eval(EXPIRE_BY_TAG, 1, this.tagKey(tag))) as number;
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
