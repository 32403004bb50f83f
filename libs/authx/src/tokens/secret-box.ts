import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 hex of a token: refresh tokens are stored only as this. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A random opaque token (256 bits, base64url). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Keyed hashing and AES-256-GCM sealing with keys derived (HKDF) from one master secret, so
 * OTP codes are stored as HMACs and TOTP secrets / grace-window payloads are encrypted at rest.
 */
export class SecretBox {
  private readonly macKey: Buffer;
  private readonly encKey: Buffer;

  constructor(master: string) {
    const ikm = Buffer.from(master, 'utf8');
    this.macKey = Buffer.from(hkdfSync('sha256', ikm, 'authx', 'authx-mac', 32));
    this.encKey = Buffer.from(hkdfSync('sha256', ikm, 'authx', 'authx-enc', 32));
  }

  /** HMAC-SHA256 of the parts (hex). */
  mac(...parts: string[]): string {
    const h = createHmac('sha256', this.macKey);
    for (const p of parts) h.update(p).update('\u0000');
    return h.digest('hex');
  }

  /** Encrypts `plain`; `context` (e.g. a token) is mixed into the key, so only its holder can open it. */
  seal(plain: string, context = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keyFor(context), iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** Decrypts what {@link seal} made with the same context, or null when it cannot. */
  open(sealed: string, context = ''): string | null {
    try {
      const raw = Buffer.from(sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.keyFor(context), raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }

  private keyFor(context: string): Buffer {
    if (!context) return this.encKey;
    return Buffer.from(hkdfSync('sha256', this.encKey, 'authx-ctx', context, 32));
  }
}
