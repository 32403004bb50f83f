import { defineConfigFragment, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/** The dev admin that memory mode seeds when no bootstrap admin is configured (README). */
export const DEV_ADMIN = { email: 'admin@mikasmissions.local', password: 'mikas-dev-admin-2026' } as const;

/**
 * `ADMIN_BOOTSTRAP_EMAIL` / `ADMIN_BOOTSTRAP_PASSWORD`: the admin identity creates at start-up
 * (in tenant `default`) when no admin with that email exists. Both or neither; the password
 * has at least 12 characters.
 */
export const adminBootstrapConfig = defineConfigFragment(
  'admin-bootstrap',
  z
    .object({
      ADMIN_BOOTSTRAP_EMAIL: z.email().max(254).optional(),
      ADMIN_BOOTSTRAP_PASSWORD: z.string().min(12).max(128).optional(),
    })
    .refine((e) => (e.ADMIN_BOOTSTRAP_EMAIL === undefined) === (e.ADMIN_BOOTSTRAP_PASSWORD === undefined), {
      message: 'set ADMIN_BOOTSTRAP_EMAIL and ADMIN_BOOTSTRAP_PASSWORD together',
    }),
);

/** The validated bootstrap variables. */
export type AdminBootstrapEnv = ConfigSlice<typeof adminBootstrapConfig>;
