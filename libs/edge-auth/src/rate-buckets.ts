/** A rate limit: at most `limit` requests per `windowMs`, per principal or client IP. */
export interface RateBucket {
  name: string;
  limit: number;
  windowMs: number;
}

/**
 * The edge's two buckets: `default` (300 a minute) for everything, `strict` (10 a minute) for
 * signup, login, OTP, consent and parental gates, where guessing is the attack.
 */
export const DEFAULT_BUCKETS: { readonly default: RateBucket; readonly strict: RateBucket } = Object.freeze({
  default: Object.freeze({ name: 'default', limit: 300, windowMs: 60_000 }),
  strict: Object.freeze({ name: 'strict', limit: 10, windowMs: 60_000 }),
});

const STRICT_SEGMENTS = new Set(['signup', 'login', 'otp', 'consent', 'gates']);

/**
 * The bucket of a request path: `strict` when any segment (case-insensitive, percent-decoded)
 * is `signup`, `login`, `otp`, `consent` or `gates`, so `/v1/parents/login/`, `//login` and
 * `/V1/Parents/%6Cogin` cannot dodge it; `default` otherwise.
 *
 * @example
 * bucketFor('/v1/parents/consent/verify') // DEFAULT_BUCKETS.strict
 * bucketFor('/v1/catalog/episodes/e1')    // DEFAULT_BUCKETS.default
 */
export function bucketFor(path: string): RateBucket {
  const bare = path.split(/[?#]/, 1)[0];
  for (const segment of bare.split('/')) {
    let value = segment;
    if (segment.includes('%')) {
      try {
        value = decodeURIComponent(segment);
      } catch {
        // an undecodable segment is compared as sent
      }
    }
    if (STRICT_SEGMENTS.has(value.toLowerCase())) return DEFAULT_BUCKETS.strict;
  }
  return DEFAULT_BUCKETS.default;
}
