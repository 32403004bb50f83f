import { defineConfigFragment, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

/** The outbox-relay app's own variable, validated with the rest in `loadConfig`'s one pass. */
export const outboxRelayConfig = defineConfigFragment(
  'outbox-relay',
  z.object({
    /** Postgres schema holding the `outbox` table. Default `analytics`. */
    OUTBOX_SCHEMA: z
      .string()
      .trim()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'expected a lowercase Postgres schema name' })
      .default('analytics'),
  }),
);

/** The validated outbox-relay variables. */
export type OutboxRelayEnv = ConfigSlice<typeof outboxRelayConfig>;
