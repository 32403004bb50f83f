import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The 6-digit codes of verifiable consent: random, stored only as an HMAC-SHA256 bound to
 * the request id (key: `AUTHX_ENCRYPTION_KEY`, else the JWT key, like AuthX's OTP hashes),
 * compared in constant time.
 *
 * @example
 * const { code, hash } = codes.issue(requestId); // send `code`, store `hash`
 * codes.matches(requestId, typed, hash);
 */
export class ConsentCodes {
  constructor(private readonly key: string) {}

  /** A fresh code and its hash for `requestId`. */
  issue(requestId: string): { code: string; hash: string } {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    return { code, hash: this.mac(requestId, code) };
  }

  /** Whether `code` is the one issued for `requestId`. */
  matches(requestId: string, code: string, hash: string): boolean {
    const a = Buffer.from(this.mac(requestId, code));
    const b = Buffer.from(hash);
    return a.length === b.length && timingSafeEqual(a, b);
  }

  private mac(requestId: string, code: string): string {
    return createHmac('sha256', this.key).update(`consent\u0000${requestId}\u0000${code}`).digest('hex');
  }
}

/** The HMAC key of consent codes (see {@link ConsentCodes}), provided by the parents module. */
export class ConsentCodeKey {
  constructor(readonly value: string) {}
}
