import { type ConfigSlice, defineConfigFragment } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * admin-studio's variables: `NIM_BASE_URL` — where the `nim-default` model profile points
 * until an admin PUTs it (default `http://127.0.0.1:8099`, tools/fake-nim; production: the real
 * NVIDIA NIM endpoint).
 */
export const adminStudioConfig = defineConfigFragment(
  'admin-studio',
  z.object({
    NIM_BASE_URL: z
      .string()
      .url()
      .regex(/^https?:\/\//, 'expected an http(s) URL')
      .default('http://127.0.0.1:8099'),
  }),
);

/** The validated admin-studio variables (`config.slice(adminStudioConfig)`). */
export type AdminStudioEnv = ConfigSlice<typeof adminStudioConfig>;
