import { AppConfig, ConfigValidationError } from '@mikasmissions/config';
import { DEV_PLAYBACK_SIGNING_KEY, playbackConfig, type PlaybackEnv } from './playback.config';

/** {@link PlaybackEnv} with the signing key resolved. */
export type PlaybackSettings = PlaybackEnv & { signingKey: string };

/**
 * The playback variables of this process. `PLAYBACK_SIGNING_KEY` is required, and may not be
 * the public dev key, in production and strict mode; elsewhere it defaults to the dev key.
 * Throws a {@link ConfigValidationError} at start-up.
 */
export function playbackSettings(config: AppConfig): PlaybackSettings {
  const env = config.slice(playbackConfig);
  const required = config.persistence.strict || config.nodeEnv === 'production';
  if (required && !env.PLAYBACK_SIGNING_KEY)
    throw new ConfigValidationError(['PLAYBACK_SIGNING_KEY: required in strict/production mode (the HMAC key of stream URLs)']);
  if (required && env.PLAYBACK_SIGNING_KEY === DEV_PLAYBACK_SIGNING_KEY)
    throw new ConfigValidationError(['PLAYBACK_SIGNING_KEY: the public development key is refused in strict/production mode']);
  return { ...env, signingKey: env.PLAYBACK_SIGNING_KEY ?? DEV_PLAYBACK_SIGNING_KEY };
}

/** DI token of {@link PlaybackSettings}. */
export const PLAYBACK_SETTINGS = Symbol('mm.playback.settings');
