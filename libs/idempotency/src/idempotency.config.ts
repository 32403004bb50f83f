import { defineConfigFragment, envPositiveInt, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * The idempotency variables, validated with the core ones in `loadConfig`'s one pass. Unset
 * means "take `IdempotencyModule.forRoot` options, then the default" ({@link resolveIdempotencyOptions});
 * tests set `IDEMPOTENCY_KEY_PREFIX` to keep their keys in the run's namespace.
 */
export const idempotencyConfig = defineConfigFragment(
  'idempotency',
  z.object({
    IDEMPOTENCY_KEY_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,200}$/, 'expected 1–200 of A-Z a-z 0-9 _ . : -')
      .optional(),
    IDEMPOTENCY_LOCK_TTL_MS: envPositiveInt().optional(),
    IDEMPOTENCY_ERROR_TTL_MS: envPositiveInt().optional(),
    IDEMPOTENCY_PURGE_INTERVAL_MS: envPositiveInt().optional(),
    IDEMPOTENCY_PURGE_BATCH_SIZE: envPositiveInt().optional(),
  }),
);

/** The validated idempotency variables (`config.slice(idempotencyConfig)`). */
export type IdempotencyEnv = ConfigSlice<typeof idempotencyConfig>;
