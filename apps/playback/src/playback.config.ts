import { defineConfigFragment, envPositiveInt, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/** The public development signing key: refused in production and strict mode ({@link playbackSettings}). */
export const DEV_PLAYBACK_SIGNING_KEY = 'mm-dev-playback-signing-key-not-for-production';

/**
 * The playback service's variables: `PLAYBACK_SIGNING_KEY` (HMAC key of the stream URLs and
 * session tokens, ≥ 32 characters), `MEDIA_STORE_DIR` (where the HLS files live, default
 * `var/media`), `PLAYBACK_STREAM_TTL_SEC` (how long a stream URL is valid, default 4 h),
 * `PLAYBACK_ENTITLEMENT_CACHE_MS` (how long a confirmed entitlement is reused, default 30 s),
 * `PLAYBACK_PUBLIC_URL` (origin put in `stream_url`, e.g. the gateway; default: the request's
 * own host) and `PLAYBACK_UPSTREAMS` (`http` = the other services through ServiceClient,
 * `memory` = in-process stand-ins with nothing granted, for unit runs) and
 * `PLAYBACK_BREAKER_OPEN_MS` (how long the profile and billing breakers stay open, default 5 s).
 */
export const playbackConfig = defineConfigFragment(
  'playback',
  z.object({
    PLAYBACK_SIGNING_KEY: z.string().trim().min(32, { error: 'must be at least 32 characters' }).optional(),
    MEDIA_STORE_DIR: z.string().trim().min(1).default('var/media'),
    PLAYBACK_STREAM_TTL_SEC: envPositiveInt().default(14_400),
    PLAYBACK_ENTITLEMENT_CACHE_MS: z.coerce.number().int().min(0).max(300_000).default(30_000),
    PLAYBACK_PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
    PLAYBACK_UPSTREAMS: z.enum(['http', 'memory']).default('http'),
    PLAYBACK_BREAKER_OPEN_MS: z.coerce.number().int().min(100).max(300_000).default(5_000),
  }),
);

/** The validated variables (`config.slice(playbackConfig)`). */
export type PlaybackEnv = ConfigSlice<typeof playbackConfig>;
