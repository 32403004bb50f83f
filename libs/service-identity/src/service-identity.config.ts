import { type AppConfig, ConfigValidationError, defineConfigFragment, envPositiveInt, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/** The smallest `EDGE_IDENTITY_KEY` accepted. */
export const MIN_EDGE_IDENTITY_KEY_LENGTH = 32;

/**
 * The key development and test processes share when `EDGE_IDENTITY_KEY` is unset (permissive,
 * non-strict only), so `dev:local` works without setup. Public, so it is refused wherever the
 * key is required.
 */
export const DEV_EDGE_IDENTITY_KEY = 'mm-dev-edge-identity-key-not-for-production';

/**
 * The variables of the gateway-signed identity: `EDGE_IDENTITY_KEY` (the HMAC key shared with
 * the gateway, ≥ 32 characters) and `EDGE_IDENTITY_MAX_SKEW_MS` (how old or early a signature
 * may be; default 30000). When the key is required is decided with the core variables by
 * {@link resolveIdentitySettings}.
 */
export const serviceIdentityConfig = defineConfigFragment(
  'service-identity',
  z.object({
    EDGE_IDENTITY_KEY: z
      .string()
      .trim()
      .min(MIN_EDGE_IDENTITY_KEY_LENGTH, { error: `must be at least ${MIN_EDGE_IDENTITY_KEY_LENGTH} characters` })
      .optional(),
    EDGE_IDENTITY_MAX_SKEW_MS: envPositiveInt().default(30_000),
  }),
);

/** The validated variables (`config.slice(serviceIdentityConfig)`). */
export type ServiceIdentityEnv = ConfigSlice<typeof serviceIdentityConfig>;

/** What the identity stage verifies with. */
export interface IdentitySettings {
  key: string;
  maxSkewMs: number;
  mode: 'permissive' | 'enforce';
}

/**
 * The key, skew and auth mode of this process. `EDGE_IDENTITY_KEY` is required — and may not
 * be {@link DEV_EDGE_IDENTITY_KEY} — in strict mode (`NODE_ENV=production` or
 * `PERSISTENCE_MODE=strict`) and whenever `AUTH_MODE=enforce`, because there the identity is
 * what every role check rests on; otherwise (development/test, permissive) it defaults to the
 * dev key. Throws a {@link ConfigValidationError} at start-up.
 *
 * @example
 * resolveIdentitySettings(config) // { key, maxSkewMs: 30000, mode: 'permissive' }
 */
export function resolveIdentitySettings(config: AppConfig): IdentitySettings {
  const env = config.slice(serviceIdentityConfig);
  const mode = config.auth.mode;
  const required = config.persistence.strict || mode === 'enforce' || config.nodeEnv === 'production';
  const where = 'in strict/production mode and with AUTH_MODE=enforce';
  if (required && !env.EDGE_IDENTITY_KEY)
    throw new ConfigValidationError([`EDGE_IDENTITY_KEY: required ${where} (the key the gateway signs x-auth-* headers with)`]);
  if (required && env.EDGE_IDENTITY_KEY === DEV_EDGE_IDENTITY_KEY)
    throw new ConfigValidationError([`EDGE_IDENTITY_KEY: the public development key is refused ${where}`]);
  return { key: env.EDGE_IDENTITY_KEY ?? DEV_EDGE_IDENTITY_KEY, maxSkewMs: env.EDGE_IDENTITY_MAX_SKEW_MS, mode };
}
