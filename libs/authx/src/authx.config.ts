import { defineConfigFragment, envBoolean, type ConfigSlice } from '@mikasmissions/config';
import { z } from 'zod';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max).optional();
const url = (protocols: string[]) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || protocols.some((p) => v.startsWith(p)), { message: `expected a ${protocols.join(' or ')} URL` });

/**
 * The AuthX variables (besides libs/config's JWT_* and AUTH_*), validated with the core ones
 * in `loadConfig`'s one pass. Unset means "take `AuthxModule.forRoot` options, then the default"
 * ({@link resolveAuthxOptions}).
 */
export const authxConfig = defineConfigFragment(
  'authx',
  z.object({
    ACCESS_TOKEN_TTL_SEC: int(30, 86_400),
    REFRESH_TOKEN_TTL_SEC: int(60, 31_536_000),
    REFRESH_GRACE_SEC: int(0, 60),
    OTP_TTL_SEC: int(30, 86_400),
    OTP_MAX_ATTEMPTS: int(1, 20),
    OTP_COOLDOWN_SEC: int(0, 3_600),
    OTP_HOURLY_CAP: int(1, 1_000),
    OTP_SUBJECT_IP_HOURLY_CAP: int(1, 1_000),
    OTP_IP_HOURLY_CAP: int(1, 100_000),
    OTP_TENANT_HOURLY_CAP: int(1, 10_000_000),
    SMTP_URL: url(['smtp://', 'smtps://']),
    OTP_EMAIL_FROM: z.string().optional(),
    SMS_WEBHOOK_URL: url(['http://', 'https://']),
    SMS_WEBHOOK_TOKEN: z.string().optional(),
    AUTHX_REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.:-]{1,120}$/)
      .optional(),
    AUTHX_TRUST_PROXY: envBoolean().optional(),
    AUTHX_TRUSTED_PROXY_HOPS: int(1, 10),
    AUTHX_ENCRYPTION_KEY: z
      .string()
      .optional()
      .refine((v) => v === undefined || v.length >= 32, { message: 'must be at least 32 characters' }),
    /** `capture` keeps codes in memory for tests (ignored in strict mode); other values: the senders from env. */
    OTP_SENDER: z.string().trim().optional(),
  }),
);

/** The validated AuthX variables (`config.slice(authxConfig)`). */
export type AuthxEnv = ConfigSlice<typeof authxConfig>;
