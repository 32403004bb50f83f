import { defineConfigFragment, envPositiveInt, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

const url = (fallback: string) =>
  z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .default(fallback)
    .transform((v) => v.replace(/\/+$/, ''));

/**
 * The variable per service that holds its base URL, with its default: one table the gateway's
 * upstreams, every service's {@link ServiceClient} and the test process runner share.
 */
export const serviceUrlShape = {
  IDENTITY_URL: url('http://127.0.0.1:8081'),
  PROFILE_URL: url('http://127.0.0.1:8082'),
  CATALOG_URL: url('http://127.0.0.1:8083'),
  RECOMMENDATION_URL: url('http://127.0.0.1:8084'),
  PLAYBACK_URL: url('http://127.0.0.1:8085'),
  PROGRESS_URL: url('http://127.0.0.1:8086'),
  CREATOR_URL: url('http://127.0.0.1:8087'),
  MODERATION_URL: url('http://127.0.0.1:8088'),
  BILLING_URL: url('http://127.0.0.1:8089'),
  ADMIN_STUDIO_URL: url('http://127.0.0.1:8090'),
};

/**
 * Where the platform's services listen, by the variables the gateway also reads
 * (`IDENTITY_URL`, `PROFILE_URL`, …, defaults `http://127.0.0.1:<port>`), and how long a
 * service-to-service call may take: `SERVICE_CLIENT_TIMEOUT_MS` (default 2000) and
 * `SERVICE_CLIENT_CONNECTIONS` (keep-alive sockets per service, default 16).
 */
export const serviceClientConfig = defineConfigFragment(
  'service-client',
  z.object({
    ...serviceUrlShape,
    SERVICE_CLIENT_TIMEOUT_MS: envPositiveInt().default(2_000),
    SERVICE_CLIENT_CONNECTIONS: envPositiveInt().default(16),
  }),
);

/** The validated variables (`config.slice(serviceClientConfig)`). */
export type ServiceClientEnv = ConfigSlice<typeof serviceClientConfig>;

/** The services a {@link ServiceClient} can call, each named by the variable that holds its URL. */
export const SERVICE_URLS = {
  identity: 'IDENTITY_URL',
  profile: 'PROFILE_URL',
  catalog: 'CATALOG_URL',
  recommendation: 'RECOMMENDATION_URL',
  playback: 'PLAYBACK_URL',
  progress: 'PROGRESS_URL',
  'creator-studio': 'CREATOR_URL',
  moderation: 'MODERATION_URL',
  billing: 'BILLING_URL',
  'admin-studio': 'ADMIN_STUDIO_URL',
} as const satisfies Record<string, keyof typeof serviceUrlShape>;

/** One of {@link SERVICE_URLS}. */
export type ServiceName = keyof typeof SERVICE_URLS;
