import { createHash } from 'node:crypto';
import type { RedisClient } from '@mikasmissions/persistence';
import type { RateBucket } from './rate-buckets';

/**
 * GCRA in one script, so replicas sharing Redis share the limit exactly. KEYS[1] holds the
 * theoretical arrival time (ms). ARGV: limit, window ms, now ms (empty: RedisClient TIME, one clock
 * for every replica). Returns { allowed 0|1, remaining, retry-after ms }.
 */
const GCRA = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
if not now then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local interval = window / limit
local tat = tonumber(redis.call('GET', KEYS[1]) or '') or now
if tat < now then tat = now end
local next_tat = tat + interval
local allow_at = next_tat - window
if allow_at > now then
  return { 0, 0, math.ceil(allow_at - now) }
end
redis.call('SET', KEYS[1], string.format('%.3f', next_tat), 'PX', math.ceil(next_tat - now))
return { 1, math.floor((now - allow_at) / interval + 1e-9), 0 }`;

const GCRA_SHA = createHash('sha1').update(GCRA).digest('hex');
const MAX_KEY_LENGTH = 200;

/** The outcome of {@link RateLimiter.take}. */
export interface RateDecision {
  allowed: boolean;
  /** Requests still allowed right now (0 when refused). */
  remaining: number;
  /** Seconds until the next request is allowed (≥ 1 when refused, 0 when allowed): `Retry-After`. */
  retryAfterSec: number;
}

/**
 * A Redis-backed rate limiter (GCRA: `limit` per `windowMs`, bursts up to `limit`, one key
 * per bucket and caller, expiring when idle). Every decision is one atomic Lua call, so gateway
 * replicas sharing Redis enforce one limit in total. Redis errors propagate: the caller chooses
 * to fail open or closed.
 *
 * @example
 * const limiter = new RateLimiter(redis, 'mm:rl:');
 * const { allowed, retryAfterSec } = await limiter.take(bucketFor(path), claims?.subject ?? clientIp(xff, socketIp, 1));
 * if (!allowed) reply.header('retry-after', String(retryAfterSec)).code(429);
 */
export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  /** Takes one request from `bucket` for `key`; `now` (epoch ms) is for tests, else Redis's clock. */
  async take(bucket: RateBucket, key: string, now?: number): Promise<RateDecision> {
    if (!(bucket.limit >= 1) || !(bucket.windowMs >= 1)) throw new Error(`rate bucket ${bucket.name}: limit and windowMs must be ≥ 1`);
    const args = [this.keyOf(bucket, key), bucket.limit, bucket.windowMs, now === undefined ? '' : Math.floor(now)];
    const [allowed, remaining, retryAfterMs] = (await this.run(args)) as [number, number, number];
    return { allowed: allowed === 1, remaining, retryAfterSec: allowed === 1 ? 0 : Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }

  private keyOf(bucket: RateBucket, key: string): string {
    const caller = key.length > MAX_KEY_LENGTH ? `sha256:${createHash('sha256').update(key).digest('base64url')}` : key;
    return `${this.prefix}${bucket.name}:${caller}`;
  }

  private async run([key, ...argv]: (string | number)[]): Promise<unknown> {
    try {
      return await this.redis.evalsha(GCRA_SHA, 1, key, ...argv);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return this.redis.eval(GCRA, 1, key, ...argv);
    }
  }
}
