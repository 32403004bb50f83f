import { LRUCache } from 'lru-cache';
import type { EdgeClaims, EdgeVerifier } from './edge-verifier';

/** Options of {@link cacheVerifiedTokens}. */
export interface VerifiedTokenCacheOptions {
  /** Tokens kept at most. Default 10 000. */
  max?: number;
  /** How long a verified token is trusted without verifying it again, in ms (never past its `exp`). Default 30 000. */
  maxAgeMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

/**
 * Remembers tokens that verified, so a client sending the same bearer token on every request
 * pays the signature check once per `maxAgeMs` (an LRU of `max` entries, `lru-cache`). A
 * cached token is served only until the earlier of `maxAgeMs` and its own `exp`; failures are
 * never cached, so a token is refused as soon as it is invalid. The price: a JWKS key removed
 * from the issuer keeps its tokens accepted for up to `maxAgeMs` longer.
 *
 * @example
 * const verifier = cacheVerifiedTokens(createEdgeVerifier(options), { maxAgeMs: 30_000 });
 */
export function cacheVerifiedTokens(verifier: EdgeVerifier, options: VerifiedTokenCacheOptions = {}): EdgeVerifier {
  const maxAgeMs = options.maxAgeMs ?? 30_000;
  const now = options.now ?? Date.now;
  const cache = new LRUCache<string, { claims: EdgeClaims; until: number }>({ max: options.max ?? 10_000 });
  return {
    async verify(token: string): Promise<EdgeClaims> {
      const hit = cache.get(token);
      const at = now();
      if (hit && at < hit.until) return hit.claims;
      if (hit) cache.delete(token);
      const claims = await verifier.verify(token);
      const until = Math.min(at + maxAgeMs, claims.expiresAt * 1_000);
      if (until > at) cache.set(token, { claims, until });
      return claims;
    },
  };
}
