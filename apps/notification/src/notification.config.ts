import { defineConfigFragment, envBoolean, envPositiveInt, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';
import { MESSAGE_LANGUAGES } from './messages/message-catalogue';

const url = (protocols: string[]) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), { message: `expected a ${protocols.join(' or ')} URL` });

/**
 * The notification service's variables (README "Env" of apps/notification): senders, send
 * bounds and retries, the fallback language, and the two jobs (delivery dispatch, digest flush).
 */
export const notificationConfig = defineConfigFragment(
  'notification',
  z.object({
    /** `auto`: SMTP / SMS webhook when their URL is set, else the console; `console`; `capture` (tests, refused in strict mode). */
    NOTIFICATION_SENDER: z.enum(['auto', 'console', 'capture']).default('auto'),
    NOTIFICATION_SMTP_URL: url(['smtp://', 'smtps://']),
    NOTIFICATION_EMAIL_FROM: z.string().min(3).default('MikasMissions <no-reply@mikasmissions.local>'),
    NOTIFICATION_SMS_WEBHOOK_URL: url(['http://', 'https://']),
    NOTIFICATION_SMS_WEBHOOK_TOKEN: z.string().optional(),
    NOTIFICATION_SEND_CONCURRENCY: envPositiveInt().max(64).default(4),
    NOTIFICATION_SEND_MAX_ATTEMPTS: envPositiveInt().max(50).default(5),
    NOTIFICATION_RETRY_BASE_MS: envPositiveInt().default(2_000),
    NOTIFICATION_RETRY_MAX_MS: envPositiveInt().default(600_000),
    NOTIFICATION_DISPATCH_INTERVAL_MS: envPositiveInt().default(1_000),
    NOTIFICATION_DISPATCH_BATCH: envPositiveInt().max(1_000).default(50),
    NOTIFICATION_DIGEST_FLUSH_MS: envPositiveInt().default(60_000),
    /** The language of a parent whose signup language has no catalogue (`de`, `en`, `es`). */
    NOTIFICATION_DEFAULT_LANGUAGE: z.enum(MESSAGE_LANGUAGES).default('en'),
    /** `false` stops both jobs (tests trigger them through `/internal/notifications/*`). */
    NOTIFICATION_JOBS_ENABLED: envBoolean().default(true),
  }),
);

/** The validated variables (`config.slice(notificationConfig)`). */
export type NotificationEnv = ConfigSlice<typeof notificationConfig>;
