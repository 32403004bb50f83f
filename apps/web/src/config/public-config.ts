import { assertNoFallbacksInProduction } from './fallback-guard';

/** The API's default base URL (the gateway of `pnpm run dev:local`). */
export const DEFAULT_API_BASE_URL = 'http://localhost:8080';

/** What the browser needs to know, resolved on the server per request and handed to the client. */
export interface PublicConfig {
  /** The gateway, e.g. `http://localhost:8080` (no trailing slash). */
  apiBaseUrl: string;
  /** `NEXT_PUBLIC_USE_API_FALLBACKS=true`: answers come from typed fixtures (dev server only). */
  useFallbacks: boolean;
  /** Seconds between the player's heartbeats and watch events (`WEB_HEARTBEAT_SEC`, default 30). */
  heartbeatSeconds: number;
}

const readRuntime = (name: string): string | undefined => process.env[name];

/**
 * Resolves the public config on the server: `API_BASE_URL` at start-up wins (so one build
 * serves any gateway), else the build's `NEXT_PUBLIC_API_BASE_URL`, else
 * {@link DEFAULT_API_BASE_URL}. Fallbacks are a build-time switch and never on in production.
 * `WEB_HEARTBEAT_SEC` (1–300, default 30) paces the player's heartbeats.
 */
export function serverPublicConfig(): PublicConfig {
  const apiBaseUrl = (readRuntime('API_BASE_URL') || process.env.NEXT_PUBLIC_API_BASE_URL || DEFAULT_API_BASE_URL).replace(/\/+$/, '');
  const useFallbacks = process.env.NEXT_PUBLIC_USE_API_FALLBACKS === 'true';
  assertNoFallbacksInProduction(
    process.env.NEXT_PUBLIC_USE_API_FALLBACKS,
    process.env.NODE_ENV === 'production' ? 'production' : 'development',
  );
  const beat = Number(readRuntime('WEB_HEARTBEAT_SEC') ?? 30);
  return { apiBaseUrl, useFallbacks, heartbeatSeconds: Number.isFinite(beat) && beat >= 1 && beat <= 300 ? beat : 30 };
}
