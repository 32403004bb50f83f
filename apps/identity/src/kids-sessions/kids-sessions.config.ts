import { defineConfigFragment, envPositiveInt, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * `KIDS_SESSION_TTL_SEC`: how long a kids session (the child token's refresh family) lives —
 * hours, not days: default 4 hours, at most 12 (and never beyond `REFRESH_TOKEN_TTL_SEC`).
 */
export const kidsSessionsConfig = defineConfigFragment(
  'kids-sessions',
  z.object({
    KIDS_SESSION_TTL_SEC: envPositiveInt()
      .default(4 * 3600)
      .refine((sec) => sec <= 12 * 3600, { error: 'at most 43200 (12 hours): kids sessions last hours, not days' }),
  }),
);

/** The validated variables (`config.slice(kidsSessionsConfig)`). */
export type KidsSessionsEnv = ConfigSlice<typeof kidsSessionsConfig>;
