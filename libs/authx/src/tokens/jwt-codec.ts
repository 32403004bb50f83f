import { KeyObject, createHash, createPrivateKey, createPublicKey, createSecretKey } from 'node:crypto';
import type { JwtKeys } from '@mikasmissions/config';
import { SignJWT, errors as joseErrors, exportJWK, jwtVerify, type JWTHeaderParameters } from 'jose';
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
const MAX_TOKEN_LENGTH = 8_192;
const b64 = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

function invalid(message: string): UnauthenticatedError {
  return new UnauthenticatedError('token_invalid', message);
}

/** Maps a jose failure to the AuthX 401 (never echoing the token). */
function toAuthError(error: unknown): UnauthenticatedError {
  if (error instanceof UnauthenticatedError) return error;
  if (error instanceof joseErrors.JWTExpired) return new UnauthenticatedError('token_expired', 'token has expired');
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return invalid('token algorithm is not accepted');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return invalid('token signature is invalid');
  if (error instanceof joseErrors.JWTClaimValidationFailed) return invalid(`token claim ${error.claim} is not accepted`);
  return invalid('token is not a JWT');
}

/**
 * Signs and verifies AuthX access tokens with `jose` (v5, CommonJS). The algorithm follows the
 * key material: `JWT_SECRET` → HS256, an RSA PEM pair → RS256, an Ed25519 PEM pair → EdDSA.
 * Verification passes `jwtVerify` exactly that one algorithm and only this process's `kid`, so
 * `alg: none`, HS/RS confusion and foreign keys fail; it requires `exp`, checks `nbf`, `iss` and
 * `aud` (5 s clock tolerance), and rejects `crit` headers and an `iat` in the future.
 *
 * @example
 * const codec = new JwtCodec({ kind: 'secret', secret }, { issuer: 'identity' });
 * const claims = await codec.verify(await codec.sign({ sub: 'u1', tenant: 'default', roles: [], sid: 's1', jti: 'j1' }, 900));
 */
export class JwtCodec {
  readonly algorithm: JwtAlgorithm;
  readonly kid: string;
  private readonly signingKey: KeyObject;
  private readonly verifyingKey: KeyObject;

  constructor(
    keys: JwtKeys,
    private readonly options: { issuer?: string; audience?: string; clockToleranceSec?: number } = {},
  ) {
    if (keys.kind === 'secret') {
      const secret = Buffer.from(keys.secret, 'utf8');
      this.algorithm = 'HS256';
      this.signingKey = this.verifyingKey = createSecretKey(secret);
      this.kid = b64(createHash('sha256').update('authx-hs256:').update(secret).digest()).slice(0, 16);
      return;
    }
    this.signingKey = createPrivateKey(keys.privateKeyPem);
    this.verifyingKey = createPublicKey(keys.publicKeyPem);
    const type = this.verifyingKey.asymmetricKeyType;
    if (type !== this.signingKey.asymmetricKeyType) throw new Error('JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are not a pair');
    if (type === 'rsa') this.algorithm = 'RS256';
    else if (type === 'ed25519') this.algorithm = 'EdDSA';
    else throw new Error(`JWT keys of type ${type} are not supported (use RSA or Ed25519)`);
    if (!createPublicKey(this.signingKey).equals(this.verifyingKey))
      throw new Error('JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are not a pair');
    this.kid = thumbprint(this.verifyingKey);
  }

  /** True when tokens are signed with a key pair and the public half can be published. */
  get asymmetric(): boolean {
    return this.algorithm !== 'HS256';
  }

  /** Signs `claims` (AuthX's own plus any extra string claims) valid from now for `ttlSec` seconds, adding iat/nbf/exp/iss/aud. */
  async sign(
    claims: Pick<AccessTokenClaims, 'sub' | 'tenant' | 'roles' | 'sid' | 'jti'> & Record<string, unknown>,
    ttlSec: number,
    nowMs = Date.now(),
  ): Promise<string> {
    const now = Math.floor(nowMs / 1000);
    const { sub, jti, ...custom } = claims;
    const jwt = new SignJWT(custom)
      .setProtectedHeader({ alg: this.algorithm, typ: 'JWT', kid: this.kid })
      .setSubject(sub)
      .setJti(jti)
      .setIssuedAt(now)
      .setNotBefore(now)
      .setExpirationTime(now + ttlSec);
    if (this.options.issuer) jwt.setIssuer(this.options.issuer);
    if (this.options.audience) jwt.setAudience(this.options.audience);
    return jwt.sign(this.signingKey);
  }

  /** Verifies `token` and returns its claims, or rejects with a 401 naming the reason. */
  async verify(token: string, nowMs = Date.now()): Promise<AccessTokenClaims> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !B64URL.test(p)) || token.length > MAX_TOKEN_LENGTH) throw invalid('token is not a JWT');
    const tolerance = this.options.clockToleranceSec ?? 5;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, (header) => this.keyFor(header), {
        algorithms: [this.algorithm],
        issuer: this.options.issuer,
        audience: this.options.audience,
        clockTolerance: tolerance,
        currentDate: new Date(nowMs),
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw toAuthError(error);
    }
    checkShape(payload, Math.floor(nowMs / 1000) + tolerance);
    return payload as unknown as AccessTokenClaims;
  }

  /** The JWKS document (empty for HS256, whose key is secret). */
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    if (!this.asymmetric) return { keys: [] };
    const jwk = await exportJWK(this.verifyingKey);
    return { keys: [{ ...jwk, kid: this.kid, alg: this.algorithm, use: 'sig', kty: String(jwk.kty) }] };
  }

  /** jose key resolver: only this process's algorithm and `kid`, no critical headers. */
  private keyFor(header: JWTHeaderParameters): KeyObject {
    if (header.alg !== this.algorithm) throw invalid(`token algorithm ${String(header.alg)} is not accepted`);
    if (header.crit !== undefined) throw invalid('token has unsupported critical headers');
    if (header.kid !== undefined && header.kid !== this.kid) throw invalid('token was signed by an unknown key');
    return this.verifyingKey;
  }
}

/** AuthX-specific claim checks that jose leaves to the application. */
function checkShape(c: Record<string, unknown>, latest: number): void {
  if (typeof c.iat === 'number' && latest < c.iat) throw invalid('token was issued in the future');
  if (typeof c.sub !== 'string' || c.sub === '') throw invalid('token has no subject');
  if (typeof c.tenant !== 'string' || typeof c.sid !== 'string') throw invalid('token has no tenant or session');
  if (!Array.isArray(c.roles) || c.roles.some((r) => typeof r !== 'string')) throw invalid('token roles are malformed');
}

/** RFC 7638 JWK thumbprint of a public key, used as its `kid` (sync, so the constructor can set it). */
function thumbprint(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' }) as Record<string, string>;
  const members = jwk.kty === 'RSA' ? { e: jwk.e, kty: jwk.kty, n: jwk.n } : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return b64(createHash('sha256').update(JSON.stringify(members)).digest());
}
