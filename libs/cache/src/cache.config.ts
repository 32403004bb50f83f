import { defineConfigFragment, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * The cache variables, validated with the core ones in `loadConfig`'s one pass. Unset means
 * "take `CacheModule.forRoot`'s `keyPrefix`, then the default `mm:cache:`"; tests set it to
 * keep their keys in the run's namespace.
 */
export const cacheConfig = defineConfigFragment(
  'cache',
  z.object({
    CACHE_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'expected 1–200 of A-Z a-z 0-9 _ . : -')
      .optional(),
  }),
);

/** The validated cache variables (`config.slice(cacheConfig)`). */
export type CacheEnv = ConfigSlice<typeof cacheConfig>;
