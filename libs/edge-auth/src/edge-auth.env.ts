import type { EdgeAuthOptions } from './edge-verifier';

const blank = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value);

function seconds(name: string, value: string | undefined): number | undefined {
  if (blank(value) === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name}: expected a whole number ≥ 0`);
  return parsed;
}

/**
 * {@link EdgeAuthOptions} from the environment: `AUTH_JWT_SECRET` or `JWT_SECRET` (the same key;
 * both set and different is an error), `AUTH_JWKS_URL` or `SUPABASE_JWKS_URL`, `AUTH_JWT_ISSUER`,
 * `AUTH_JWT_AUDIENCE`, `AUTH_JWT_CLOCK_TOLERANCE_SEC`, `AUTH_JWKS_COOLDOWN_MS`. Blank values count
 * as unset. Throws at start-up on a bad value, never at the first request.
 *
 * @example
 * const verifier = createEdgeVerifier(edgeAuthOptionsFromEnv(process.env));
 */
export function edgeAuthOptionsFromEnv(env: Record<string, string | undefined>): EdgeAuthOptions {
  const authSecret = blank(env.AUTH_JWT_SECRET);
  const jwtSecret = blank(env.JWT_SECRET);
  if (authSecret && jwtSecret && authSecret !== jwtSecret)
    throw new Error('AUTH_JWT_SECRET and JWT_SECRET name the same key: set one, or both to the same value');
  const authJwks = blank(env.AUTH_JWKS_URL);
  const supabaseJwks = blank(env.SUPABASE_JWKS_URL);
  if (authJwks && supabaseJwks && authJwks !== supabaseJwks) throw new Error('AUTH_JWKS_URL and SUPABASE_JWKS_URL disagree: set one');
  return {
    hsSecret: authSecret ?? jwtSecret,
    jwksUrl: authJwks ?? supabaseJwks,
    issuer: blank(env.AUTH_JWT_ISSUER),
    audience: blank(env.AUTH_JWT_AUDIENCE),
    clockToleranceSec: seconds('AUTH_JWT_CLOCK_TOLERANCE_SEC', env.AUTH_JWT_CLOCK_TOLERANCE_SEC),
    jwksCooldownMs: seconds('AUTH_JWKS_COOLDOWN_MS', env.AUTH_JWKS_COOLDOWN_MS),
  };
}
