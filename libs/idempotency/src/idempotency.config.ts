import { defineConfigFragment, envPositiveInt, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * The idempotency variables, validated with the core ones in `loadConfig`'s one pass. Unset
 * means "take `IdempotencyModule.forRoot` options, then the default" ({@link resolveIdempotencyOptions}).
 */
export const idempotencyConfig = defineConfigFragment(
  'idempotency',
  z.object({
    IDEMPOTENCY_LOCK_TTL_MS: envPositiveInt().optional(),
    IDEMPOTENCY_ERROR_TTL_MS: envPositiveInt().optional(),
    IDEMPOTENCY_PURGE_INTERVAL_MS: envPositiveInt().optional(),
    IDEMPOTENCY_PURGE_BATCH_SIZE: envPositiveInt().optional(),
  }),
);

/** The validated idempotency variables (`config.slice(idempotencyConfig)`). */
export type IdempotencyEnv = ConfigSlice<typeof idempotencyConfig>;
