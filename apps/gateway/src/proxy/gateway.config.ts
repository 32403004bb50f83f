import { defineConfigFragment, envPositiveInt, type ConfigSlice } from '@mikasmissions/config';
import { serviceUrlShape } from '@mikasmissions/service-client';
import { z } from 'zod';

const optional = () => z.string().optional();

/**
 * The gateway's variables: one URL per upstream, timeouts, rate limits, the body limit of the
 * creator's direct upload (`GATEWAY_UPLOAD_BODY_LIMIT_BYTES`, 64 MiB; other routes keep
 * `HTTP_BODY_LIMIT_BYTES`) and the edge-auth keys
 * (`edgeAuthOptionsFromEnv` reads them). The identity-signing key is libs/service-identity's
 * `EDGE_IDENTITY_KEY` (`resolveIdentitySettings`), the one the services verify with.
 */
export const gatewayConfig = defineConfigFragment(
  'gateway',
  z.object({
    ...serviceUrlShape,
    GATEWAY_TIMEOUT_MS: envPositiveInt().default(5_000),
    GATEWAY_UPLOAD_BODY_LIMIT_BYTES: envPositiveInt().default(64 * 1024 * 1024),
    GATEWAY_RETRIES: z.coerce.number().int().min(0).max(3).default(1),
    GATEWAY_UPSTREAM_CONNECTIONS: envPositiveInt().default(64),
    GATEWAY_RATE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'expected 1–200 of A-Z a-z 0-9 _ . : -')
      .default('mm:rl:'),
    GATEWAY_TRUSTED_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    GATEWAY_RATE_LIMIT_DEFAULT: envPositiveInt().default(300),
    GATEWAY_RATE_LIMIT_STRICT: envPositiveInt().default(10),
    GATEWAY_TOKEN_CACHE_MS: z.coerce.number().int().min(1).max(300_000).default(30_000),
    GATEWAY_CORS_ORIGINS: z
      .string()
      .trim()
      .default('http://localhost:3000,http://127.0.0.1:3000')
      .transform((v) =>
        v
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.union([
            z.literal('*'),
            z
              .url({ protocol: /^https?$/, error: 'expected http(s) origins, comma-separated, or *' })
              .transform((o) => o.replace(/\/+$/, '')),
          ]),
        ),
      ),
    AUTH_JWT_SECRET: optional(),
    AUTH_JWKS_URL: optional(),
    SUPABASE_JWKS_URL: optional(),
    AUTH_JWT_ISSUER: optional(),
    AUTH_JWT_AUDIENCE: optional(),
    AUTH_JWT_CLOCK_TOLERANCE_SEC: optional(),
    AUTH_JWKS_COOLDOWN_MS: optional(),
  }),
);

/** The validated gateway variables (`config.slice(gatewayConfig)`). */
export type GatewayEnv = ConfigSlice<typeof gatewayConfig>;
