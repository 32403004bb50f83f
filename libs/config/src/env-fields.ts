import { z } from 'zod';

const POSITIVE_INT = 'expected a positive integer';

/**
 * `true|false|1|0` (any case) as a boolean; anything else is `expected true or false`.
 *
 * @example
 * OUTBOX_RELAY_ENABLED: envBoolean().optional()
 */
export const envBoolean = () =>
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((v) => ['true', 'false', '1', '0'].includes(v), { error: 'expected true or false' })
    .transform((v) => v === 'true' || v === '1');

/**
 * A positive integer from its decimal string; anything else is `expected a positive integer`.
 *
 * @example
 * OUTBOX_RELAY_POLL_MS: envPositiveInt().optional()
 */
export const envPositiveInt = () => z.coerce.number({ error: POSITIVE_INT }).int({ error: POSITIVE_INT }).positive({ error: POSITIVE_INT });
