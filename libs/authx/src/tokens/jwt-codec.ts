import { KeyObject, createHash, createHmac, createPrivateKey, createPublicKey, sign as cryptoSign, timingSafeEqual, verify as cryptoVerify } from 'node:crypto';
import type { JwtKeys } from '@mikasmissions/config';
import { UnauthenticatedError } from '../authx.errors';

/** The signing algorithms AuthX issues; exactly one is accepted per process. */
export type JwtAlgorithm = 'HS256' | 'RS256' | 'EdDSA';

/** Claims of an AuthX access token. */
export interface AccessTokenClaims {
  sub: string;
  tenant: string;
  roles: string[];
  sid: string;
  iss?: string;
  aud?: string | string[];
  iat: number;
  nbf: number;
  exp: number;
  jti: string;
}

/** A public key as published at `/.well-known/jwks.json`. */
export interface PublicJwk extends Record<string, unknown> {
  kid: string;
  kty: string;
  alg: JwtAlgorithm;
  use: 'sig';
}

const B64URL = /^[A-Za-z0-9_-]*$/;
const b64 = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function invalid(message: string): UnauthenticatedError {
  return new UnauthenticatedError('TOKEN_INVALID', message);
}

function parseSegment(segment: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw invalid('token is not a JWT');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid('token is not a JWT');
  return value as Record<string, unknown>;
}

/**
 * Signs and verifies AuthX access tokens with node:crypto. The algorithm follows the key
 * material: `JWT_SECRET` → HS256, an RSA PEM pair → RS256, an Ed25519 PEM pair → EdDSA.
 * Verification accepts only that one algorithm and this process's `kid`, so `alg: none`,
 * HS/RS confusion and foreign keys fail; it checks `exp`, `nbf`, `iss` and `aud`.
 *
 * @example
 * const codec = new JwtCodec({ kind: 'secret', secret }, { issuer: 'identity' });
 * const claims = codec.verify(codec.sign({ sub: 'u1', tenant: 'default', roles: [], sid: 's1' }, 900));
 */
export class JwtCodec {
  readonly algorithm: JwtAlgorithm;
  readonly kid: string;
  private readonly secret?: Buffer;
  private readonly privateKey?: KeyObject;
  private readonly publicKey?: KeyObject;

  constructor(
    keys: JwtKeys,
    private readonly options: { issuer?: string; audience?: string; clockToleranceSec?: number } = {},
  ) {
    if (keys.kind === 'secret') {
      this.algorithm = 'HS256';
      this.secret = Buffer.from(keys.secret, 'utf8');
      this.kid = b64(createHash('sha256').update('authx-hs256:').update(this.secret).digest()).slice(0, 16);
      return;
    }
    this.privateKey = createPrivateKey(keys.privateKeyPem);
    this.publicKey = createPublicKey(keys.publicKeyPem);
    const type = this.publicKey.asymmetricKeyType;
    if (type !== this.privateKey.asymmetricKeyType) throw new Error('JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are not a pair');
    if (type === 'rsa') this.algorithm = 'RS256';
    else if (type === 'ed25519') this.algorithm = 'EdDSA';
    else throw new Error(`JWT keys of type ${type} are not supported (use RSA or Ed25519)`);
    const probe = Buffer.from('authx-key-pair-probe');
    if (!this.verifySignature(probe, this.signBytes(probe))) throw new Error('JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are not a pair');
    this.kid = thumbprint(this.publicKey);
  }

  /** True when tokens are signed with a key pair and the public half can be published. */
  get asymmetric(): boolean {
    return this.algorithm !== 'HS256';
  }

  /** Signs `claims` valid from now for `ttlSec` seconds, adding iat/nbf/exp/iss/aud/jti. */
  sign(claims: Pick<AccessTokenClaims, 'sub' | 'tenant' | 'roles' | 'sid' | 'jti'>, ttlSec: number, nowMs = Date.now()): string {
    const now = Math.floor(nowMs / 1000);
    const payload: AccessTokenClaims = {
      ...claims,
      ...(this.options.issuer ? { iss: this.options.issuer } : {}),
      ...(this.options.audience ? { aud: this.options.audience } : {}),
      iat: now,
      nbf: now,
      exp: now + ttlSec,
    };
    const head = b64(JSON.stringify({ alg: this.algorithm, typ: 'JWT', kid: this.kid }));
    const body = b64(JSON.stringify(payload));
    const data = Buffer.from(`${head}.${body}`);
    return `${head}.${body}.${b64(this.signBytes(data))}`;
  }

  /** Verifies `token` and returns its claims, or throws a 401 naming the reason. */
  verify(token: string, nowMs = Date.now()): AccessTokenClaims {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !B64URL.test(p)) || token.length > 8_192) throw invalid('token is not a JWT');
    const header = parseSegment(parts[0]);
    if (header.alg !== this.algorithm) throw invalid(`token algorithm ${String(header.alg)} is not accepted`);
    if (header.crit !== undefined) throw invalid('token has unsupported critical headers');
    if (header.kid !== undefined && header.kid !== this.kid) throw invalid('token was signed by an unknown key');
    const signature = Buffer.from(parts[2], 'base64url');
    if (!this.verifySignature(Buffer.from(`${parts[0]}.${parts[1]}`), signature)) throw invalid('token signature is invalid');
    const claims = parseSegment(parts[1]);
    this.checkClaims(claims, Math.floor(nowMs / 1000));
    return claims as unknown as AccessTokenClaims;
  }

  /** The JWKS document (empty for HS256, whose key is secret). */
  jwks(): { keys: PublicJwk[] } {
    if (!this.publicKey) return { keys: [] };
    const jwk = this.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
    return { keys: [{ ...jwk, kid: this.kid, alg: this.algorithm, use: 'sig', kty: String(jwk.kty) }] };
  }

  private checkClaims(c: Record<string, unknown>, now: number): void {
    const tolerance = this.options.clockToleranceSec ?? 5;
    if (typeof c.exp !== 'number') throw invalid('token has no expiry');
    if (now > c.exp + tolerance) throw new UnauthenticatedError('TOKEN_EXPIRED', 'token has expired');
    if (typeof c.nbf === 'number' && now + tolerance < c.nbf) throw invalid('token is not valid yet');
    if (typeof c.iat === 'number' && now + tolerance < c.iat) throw invalid('token was issued in the future');
    if (this.options.issuer && c.iss !== this.options.issuer) throw invalid('token issuer is not accepted');
    if (this.options.audience) {
      const aud = Array.isArray(c.aud) ? c.aud : [c.aud];
      if (!aud.includes(this.options.audience)) throw invalid('token audience is not accepted');
    }
    if (typeof c.sub !== 'string' || c.sub === '') throw invalid('token has no subject');
    if (typeof c.tenant !== 'string' || typeof c.sid !== 'string') throw invalid('token has no tenant or session');
    if (!Array.isArray(c.roles) || c.roles.some((r) => typeof r !== 'string')) throw invalid('token roles are malformed');
  }

  private signBytes(data: Buffer): Buffer {
    if (this.secret) return createHmac('sha256', this.secret).update(data).digest();
    return cryptoSign(this.algorithm === 'RS256' ? 'sha256' : null, data, this.privateKey as KeyObject);
  }

  private verifySignature(data: Buffer, signature: Buffer): boolean {
    if (this.secret) {
      const expected = createHmac('sha256', this.secret).update(data).digest();
      return signature.length === expected.length && timingSafeEqual(signature, expected);
    }
    try {
      return cryptoVerify(this.algorithm === 'RS256' ? 'sha256' : null, data, this.publicKey as KeyObject, signature);
    } catch {
      return false;
    }
  }
}

/** RFC 7638 JWK thumbprint of a public key, used as its `kid`. */
function thumbprint(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as Record<string, string>;
  const members = jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return b64(createHash('sha256').update(JSON.stringify(members)).digest());
}
