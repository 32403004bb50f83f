import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@mikasmissions/persistence';
import { ClaimResult, IdempotencyStore, StoredResponse } from '../../ports/idempotency-store';

const CLAIM = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('HMGET', KEYS[1], 'fingerprint', 'token', 'response')
end
redis.call('HSET', KEYS[1], 'fingerprint', ARGV[1], 'token', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return false`;

const RENEW = `
if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

const COMPLETE = `
if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then
  redis.call('HSET', KEYS[1], 'response', ARGV[2])
  redis.call('HDEL', KEYS[1], 'token')
  redis.call('PEXPIRE', KEYS[1], ARGV[3])
  return 1
end
return 0`;

const RELEASE = `
if redis.call('HGET', KEYS[1], 'token') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/**
 * Idempotency records in Redis: one hash per key (`fingerprint`, `token` while in flight,
 * `response` once done). Every transition is a Lua script, so a claim is atomic across replicas
 * and only the claim's holder can renew, complete or release it. The key's PEXPIRE is the lock
 * TTL while in flight and the retention window once completed.
 */
export class RedisIdempotencyStore extends IdempotencyStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix = 'mm:idem:',
  ) {
    super();
  }

  async claim(key: string, fingerprint: string, lockTtlMs: number): Promise<ClaimResult> {
    const token = randomUUID();
    const found = (await this.redis.eval(CLAIM, 1, this.prefix + key, fingerprint, token, lockTtlMs)) as
      [string, string | null, string | null] | null;
    if (!found) return { outcome: 'claimed', token };
    const [existingFingerprint, , response] = found;
    if (response) return { outcome: 'completed', fingerprint: existingFingerprint, response: JSON.parse(response) as StoredResponse };
    return { outcome: 'in-flight', fingerprint: existingFingerprint };
  }

  async renew(key: string, token: string, lockTtlMs: number): Promise<boolean> {
    return (await this.redis.eval(RENEW, 1, this.prefix + key, token, lockTtlMs)) === 1;
  }

  async complete(key: string, token: string, response: StoredResponse, ttlMs: number): Promise<boolean> {
    return (await this.redis.eval(COMPLETE, 1, this.prefix + key, token, JSON.stringify(response), ttlMs)) === 1;
  }

  async release(key: string, token: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.prefix + key, token);
  }
}
