import type { AccessTokenClaims } from './jwt-codec';

/** How many verified tokens a process keeps by default. */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Access tokens this process has already verified, keyed by the token text, each kept until
 * its `exp` and at most `capacity` of them (least recently used out first). A token's
 * signature and claims cannot change, so a hit skips only the JWT signature check: the caller
 * still checks the session for revocation on every request. Only successful verifications are
 * kept, so every bad token still reaches the codec (and its audited denial).
 *
 * @example
 * const claims = cache.get(token, Date.now()) ?? cache.put(token, await codec.verify(token));
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, AccessTokenClaims>();

  constructor(private readonly capacity = VERIFIED_TOKEN_CACHE_SIZE) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`VerifiedTokenCache: capacity must be a positive integer, got ${capacity}`);
  }

  /** The claims of `token` if it was verified and `exp` is still ahead of `nowMs`. */
  get(token: string, nowMs: number): AccessTokenClaims | undefined {
    const claims = this.entries.get(token);
    if (claims === undefined) return undefined;
    this.entries.delete(token);
    if (claims.exp * 1000 <= nowMs) return undefined;
    this.entries.set(token, claims);
    return claims;
  }

  /** Keeps `claims` of a token that just passed verification; returns them. */
  put(token: string, claims: AccessTokenClaims): AccessTokenClaims {
    const kept = Object.freeze({ ...claims, roles: Object.freeze([...claims.roles]) }) as AccessTokenClaims;
    this.entries.delete(token);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, kept);
    return kept;
  }

  /** How many tokens are kept now. */
  get size(): number {
    return this.entries.size;
  }
}
