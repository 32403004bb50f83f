import { defineConfigFragment, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * The idempotency variables, validated with the core ones in `loadConfig`'s one pass. Unset
 * means "take `IdempotencyModule.forRoot`'s `keyPrefix`, then the default `mm:idem:`"; tests
 * set it to keep their keys in the run's namespace.
 */
export const idempotencyConfig = defineConfigFragment(
  'idempotency',
  z.object({
    IDEMPOTENCY_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'expected 1–200 of A-Z a-z 0-9 _ . : -').optional(),
  }),
);

/** The validated idempotency variables (`config.slice(idempotencyConfig)`). */
export type IdempotencyEnv = ConfigSlice<typeof idempotencyConfig>;
