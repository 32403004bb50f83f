import { defineConfigFragment, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * Billing's payment provider: `PAYMENT_PROVIDER` (`test`, the only adapter so far; default
 * `test`) and `PAYMENT_TEST_OUTCOME` (`approve` | `decline` | `fail`, default `approve`) for it.
 */
export const paymentsConfig = defineConfigFragment(
  'payments',
  z.object({
    PAYMENT_PROVIDER: z.enum(['test']).default('test'),
    PAYMENT_TEST_OUTCOME: z.enum(['approve', 'decline', 'fail']).default('approve'),
  }),
);

/** The validated variables. */
export type PaymentsEnv = ConfigSlice<typeof paymentsConfig>;
