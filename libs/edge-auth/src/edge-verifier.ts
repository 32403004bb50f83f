import { createSecretKey, type KeyObject } from 'node:crypto';
import {
  createRemoteJWKSet,
  errors as joseErrors,
  jwtVerify,
  type FlattenedJWSInput,
  type JWTHeaderParameters,
  type JWTPayload,
  type KeyLike,
} from 'jose';
import { EdgeAuthError } from './edge-auth.errors';
import { roleOf } from './role-of';

/**
 * How the edge verifies bearer JWTs. At least one key source is required; with both, HS256
 * tokens use the secret and asymmetric ones the JWKS.
 */
export interface EdgeAuthOptions {
  /** HS256 key: `AUTH_JWT_SECRET` or `JWT_SECRET` (the same key identity signs with). */
  hsSecret?: string;
  /** Remote JWKS for RS256/ES256/EdDSA: `AUTH_JWKS_URL` or `SUPABASE_JWKS_URL`. */
  jwksUrl?: string;
  /** Required `iss` when set (`AUTH_JWT_ISSUER`). */
  issuer?: string;
  /** Required `aud` when set (`AUTH_JWT_AUDIENCE`). */
  audience?: string;
  /** Leeway for `exp`/`nbf`/`iat`, in seconds. Default 5. */
  clockToleranceSec?: number;
  /** Least time between two JWKS refetches caused by an unknown `kid`, in ms. Default 30 000. */
  jwksCooldownMs?: number;
  /** How long a fetched JWKS is trusted before it is fetched again, in ms (a removed key is accepted until then). Default 600 000. */
  jwksCacheMaxAgeMs?: number;
}

/** What the edge knows about a caller once its token verified. */
export interface EdgeClaims {
  /** `sub`. */
  subject: string;
  /** See {@link roleOf}; `undefined` when the token names no role. */
  role: string | undefined;
  /** `parent_user_id`, else `sub`. */
  parentUserId: string | undefined;
  /** `child_profile_id` (child tokens). */
  childProfileId: string | undefined;
  /** `tenant`, else `default`. */
  tenantId: string;
  /** `exp`, epoch seconds. */
  expiresAt: number;
}

/** Verifies one bearer token; rejects with {@link EdgeAuthError} `invalid_token`. */
export interface EdgeVerifier {
  verify(token: string): Promise<EdgeClaims>;
}

const HS_ALGORITHMS = ['HS256'];
const JWKS_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const MAX_TOKEN_LENGTH = 8_192;

const invalid = (message: string): EdgeAuthError => new EdgeAuthError('invalid_token', message);

function toEdgeError(error: unknown): EdgeAuthError {
  if (error instanceof EdgeAuthError) return error;
  if (error instanceof joseErrors.JWTExpired) return invalid('token has expired');
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return invalid('token algorithm is not accepted');
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return invalid('token signature is invalid');
  if (error instanceof joseErrors.JWTClaimValidationFailed) return invalid(`token claim ${error.claim} is not accepted`);
  if (error instanceof joseErrors.JWKSNoMatchingKey) return invalid('token was signed by an unknown key');
  if (error instanceof joseErrors.JWKSTimeout || error instanceof joseErrors.JWKSInvalid) return invalid('signing keys are unavailable');
  return invalid('token is not a valid JWT');
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function toClaims(payload: JWTPayload, latestIat: number): EdgeClaims {
  const subject = text(payload.sub);
  if (subject === undefined) throw invalid('token has no subject');
  if (typeof payload.exp !== 'number') throw invalid('token claim exp is not accepted');
  if (typeof payload.iat === 'number' && payload.iat > latestIat) throw invalid('token was issued in the future');
  return {
    subject,
    role: roleOf(payload),
    parentUserId: text(payload.parent_user_id) ?? subject,
    childProfileId: text(payload.child_profile_id),
    tenantId: text(payload.tenant) ?? 'default',
    expiresAt: payload.exp,
  };
}

function jwksUrlOf(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('edge-auth: jwksUrl is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('edge-auth: jwksUrl must be http(s)');
  return url;
}

/**
 * The edge's JWT verifier. Algorithms are pinned to the configured key source — HS256 only
 * with `hsSecret`, RS256/ES256/EdDSA only with `jwksUrl` — so `alg: none` and HS/RS confusion
 * fail. `exp` and `sub` are required; `iss`/`aud` are checked when set. The JWKS is jose's
 * remote set: cached, refetched on an unknown `kid` at most once per `jwksCooldownMs`.
 *
 * @example
 * const verifier = createEdgeVerifier({ hsSecret: env.AUTH_JWT_SECRET ?? env.JWT_SECRET, issuer: env.AUTH_JWT_ISSUER });
 * const claims = await verifier.verify(bearerToken(req.headers.authorization) ?? fail('missing_token'));
 */
export function createEdgeVerifier(options: EdgeAuthOptions): EdgeVerifier {
  if (!options.hsSecret && !options.jwksUrl)
    throw new Error('edge-auth: set hsSecret (AUTH_JWT_SECRET / JWT_SECRET) or jwksUrl (AUTH_JWKS_URL / SUPABASE_JWKS_URL)');
  const tolerance = options.clockToleranceSec ?? 5;
  if (!Number.isFinite(tolerance) || tolerance < 0) throw new Error('edge-auth: clockToleranceSec must be a number ≥ 0');
  const secret: KeyObject | undefined = options.hsSecret ? createSecretKey(Buffer.from(options.hsSecret, 'utf8')) : undefined;
  const jwks = options.jwksUrl
    ? createRemoteJWKSet(jwksUrlOf(options.jwksUrl), {
        cooldownDuration: options.jwksCooldownMs ?? 30_000,
        cacheMaxAge: options.jwksCacheMaxAgeMs ?? 600_000,
      })
    : undefined;
  const algorithms = [...(secret ? HS_ALGORITHMS : []), ...(jwks ? JWKS_ALGORITHMS : [])];

  const keyFor = async (header: JWTHeaderParameters, token: FlattenedJWSInput): Promise<KeyLike | Uint8Array> => {
    if (secret && HS_ALGORITHMS.includes(header.alg)) return secret;
    if (jwks && JWKS_ALGORITHMS.includes(header.alg)) return jwks(header, token);
    throw invalid('token algorithm is not accepted');
  };

  return {
    async verify(token: string): Promise<EdgeClaims> {
      if (token.length > MAX_TOKEN_LENGTH || !JWT_SHAPE.test(token)) throw invalid('token is not a JWT');
      try {
        const { payload } = await jwtVerify(token, keyFor, {
          algorithms,
          issuer: options.issuer || undefined,
          audience: options.audience || undefined,
          clockTolerance: tolerance,
          requiredClaims: ['exp', 'sub'],
        });
        return toClaims(payload, Math.floor(Date.now() / 1000) + tolerance);
      } catch (error) {
        throw toEdgeError(error);
      }
    },
  };
}
