import { defineConfigFragment, envBoolean, envPositiveInt, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

const ms = () => envPositiveInt().optional();

/**
 * The messaging variables, validated with the core ones in `loadConfig`'s one pass. Unset
 * means "take `MessagingModule.forRoot` options, then the default" ({@link resolveMessagingOptions}).
 */
export const messagingConfig = defineConfigFragment(
  'messaging',
  z
    .object({
      /**
       * Redis for the event transport only (publisher + Redis Streams consumer) when `REDIS_URL`
       * is not set: outbox, inbox, caches and idempotency stay in memory (dev:local across processes).
       */
      MESSAGING_REDIS_URL: z
        .string()
        .trim()
        .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
        .optional(),
      MESSAGING_STREAM_PREFIX: z.string().trim().optional(),
      MESSAGING_KEY_PREFIX: z.string().trim().optional(),
      MESSAGING_STREAM_MAXLEN: envPositiveInt().optional(),
      OUTBOX_RELAY_ENABLED: envBoolean().optional(),
      OUTBOX_RELAY_POLL_MS: ms(),
      OUTBOX_RELAY_MAX_ATTEMPTS: envPositiveInt().optional(),
      OUTBOX_PUBLISHED_RETENTION_MS: ms(),
      OUTBOX_RECONCILE_INTERVAL_MS: ms(),
      MESSAGING_CLAIM_IDLE_MS: ms(),
      MESSAGING_CLAIM_INTERVAL_MS: ms(),
      MESSAGING_RETRY_BASE_MS: ms(),
      MESSAGING_RETRY_MAX_MS: ms(),
      MESSAGING_MAX_DELIVERIES: envPositiveInt().optional(),
    })
    .superRefine((e, ctx) => {
      if (
        e.MESSAGING_RETRY_BASE_MS !== undefined &&
        e.MESSAGING_RETRY_MAX_MS !== undefined &&
        e.MESSAGING_RETRY_MAX_MS < e.MESSAGING_RETRY_BASE_MS
      ) {
        ctx.addIssue({ code: 'custom', path: ['MESSAGING_RETRY_MAX_MS'], message: 'must not be below MESSAGING_RETRY_BASE_MS' });
      }
    }),
);

/** The validated messaging variables (`config.slice(messagingConfig)`). */
export type MessagingEnv = ConfigSlice<typeof messagingConfig>;
