import { defineConfigFragment, envBoolean, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * The catalog's variables, validated with the core ones in one pass:
 * `MEDIA_BASE` — where the media store is served (renditions and thumbnails are
 * `<MEDIA_BASE>/<storage_key>`; default `http://localhost:8080/v1/playback/media`: playback's
 * public thumbnail route through the gateway at the web app's default API origin, so the
 * kids home's images load; rendition URLs there are refused, a session's signed `stream_url` plays them);
 * `MEDIA_STORE_DIR` — where `seed:catalog` writes the demo HLS clips (default `var/media`);
 * `CATALOG_DEMO_DATA` — load the ~30 demo episodes at start in memory mode (default true).
 */
export const catalogConfig = defineConfigFragment(
  'catalog',
  z.object({
    MEDIA_BASE: z
      .string()
      .url()
      .regex(/^https?:\/\/[^?#]*[^/?#]$/, 'expected an http(s) URL without a trailing slash, query or fragment')
      .default('http://localhost:8080/v1/playback/media'),
    MEDIA_STORE_DIR: z.string().min(1).default('var/media'),
    CATALOG_DEMO_DATA: envBoolean().optional(),
  }),
);

/** The validated catalog variables (`config.slice(catalogConfig)`). */
export type CatalogEnv = ConfigSlice<typeof catalogConfig>;
