import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { bucketFor, DEFAULT_BUCKETS, RateLimiter, type RateBucket } from '@mikasmissions/edge-auth';
import { REDIS } from '@mikasmissions/persistence';
import type { RedisClient } from '@mikasmissions/persistence';
import { gatewayConfig } from './gateway.config';
import { RateLimitedError, RateLimitUnavailableError } from './gateway.errors';

const FAILURE_LOG_EVERY_MS = 10_000;

/**
 * The edge's rate limits on the shared Redis (one limit across replicas): `strict` for
 * signup, login, OTP, consent and gates, `default` otherwise, keyed by the principal or the
 * client IP. Redis down: the `default` bucket fails open (logged at most every 10 s), the
 * `strict` bucket fails closed (503 `rate_limit_unavailable`), so guessing never goes unlimited.
 * Without `REDIS_URL` (dev memory mode) there are no limits, said once at start-up.
 */
@Injectable()
export class EdgeRateLimitService {
  private readonly logger = new Logger('EdgeRateLimit');
  private readonly limiter?: RateLimiter;
  private readonly buckets: { default: RateBucket; strict: RateBucket };
  private lastFailureLog = 0;

  constructor(config: AppConfig, @Inject(REDIS) redis: RedisClient | null) {
    const env = config.slice(gatewayConfig);
    this.buckets = {
      default: { ...DEFAULT_BUCKETS.default, limit: env.GATEWAY_RATE_LIMIT_DEFAULT },
      strict: { ...DEFAULT_BUCKETS.strict, limit: env.GATEWAY_RATE_LIMIT_STRICT },
    };
    if (redis) this.limiter = new RateLimiter(redis, env.GATEWAY_RATE_PREFIX);
    else this.logger.warn('no REDIS_URL: rate limits are off (memory mode)');
  }

  /** Takes one request of `key` from the path's bucket; throws 429 (or 503 for strict with Redis down). */
  async take(path: string, key: string): Promise<void> {
    if (!this.limiter) return;
    const bucket = bucketFor(path) === DEFAULT_BUCKETS.strict ? this.buckets.strict : this.buckets.default;
    let decision;
    try {
      decision = await this.limiter.take(bucket, key);
    } catch (error) {
      this.logFailure(bucket, error);
      if (bucket.name === 'strict') throw new RateLimitUnavailableError();
      return;
    }
    if (!decision.allowed) throw new RateLimitedError(bucket.name, decision.retryAfterSec);
  }

  private logFailure(bucket: RateBucket, error: unknown): void {
    const now = Date.now();
    if (now - this.lastFailureLog < FAILURE_LOG_EVERY_MS) return;
    this.lastFailureLog = now;
    const reason = error instanceof Error ? error.message : String(error);
    this.logger.warn(`rate limiter unavailable (${reason}): default bucket fails open, strict bucket answers 503 (seen on ${bucket.name})`);
  }
}
