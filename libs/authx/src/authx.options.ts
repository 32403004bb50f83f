import { ConfigValidationError } from '@mikasmissions/config';
import { DEFAULT_AUTHX_SCHEMA, quoteSchema } from './adapters/postgres/postgres-schema';
import type { AuthxEnv } from './authx.config';
import type { AuthxControllerName } from './http/authx-controllers';
import type { OtpSender } from './otp/otp-sender';
import type { RebacSchema } from './rebac/rebac.schema';

/** A role and its permissions, for all tenants or one. */
export interface RoleDefinition {
  role: string;
  permissions: string[];
  /** Omit for a role that holds in every tenant. */
  tenant?: string;
}

/** Options of `AuthxModule.forRoot`; every field has a default (env overrides where noted). */
export interface AuthxOptions {
  /** Access token lifetime. Default 900 s (`ACCESS_TOKEN_TTL_SEC`). */
  accessTokenTtlSec?: number;
  /** Refresh token / session lifetime. Default 30 days (`REFRESH_TOKEN_TTL_SEC`). */
  refreshTokenTtlSec?: number;
  /** Window in which a concurrent refresh with the same token gets the same pair. Default 10 s (`REFRESH_GRACE_SEC`). */
  refreshGraceSec?: number;
  /** OTP policy; out-of-band codes never live longer than 600 s whatever is set. */
  otp?: Partial<OtpPolicy>;
  /**
   * Roles registered at start-up (more with `PolicyRegistry.registerRole`); `admin` always holds
   * `authx:admin`, and `platform-admin` holds `tenants:*` (see {@link PLATFORM_PERMISSION}) and
   * `authx:admin` in every tenant.
   */
  roles?: RoleDefinition[];
  /** How often every replica reads the run-time roles (`POST /admin/auth/roles`) back from the store. Default 5 s. */
  roleRefreshSec?: number;
  /** Roles every signed-in user gets. Default `['user']`. */
  defaultRoles?: string[];
  /** REBAC schema: computed relations. Default {@link DEFAULT_REBAC_SCHEMA}. */
  rebacSchema?: RebacSchema;
  /** Maximum REBAC expansion depth. Default 8. */
  rebacMaxDepth?: number;
  /** Permission that lets a principal act in another tenant than its own. Default `tenants:cross`. */
  crossTenantPermission?: string;
  /** Replace the code senders (tests pass a `CapturingOtpSender`). Default from env (console/SMTP/SMS webhook). */
  sender?: OtpSender;
  /** Limits of TOTP step-up (`/auth/totp/verify`, `/confirm`); see {@link DEFAULT_TOTP_STEP_UP_POLICY}. */
  totpStepUp?: Partial<TotpStepUpPolicy>;
  /** Issuer shown in authenticator apps. Default `MikasMissions`. */
  totpIssuer?: string;
  /** Redis key prefix. Default `authx:` (`AUTHX_REDIS_PREFIX`). */
  redisPrefix?: string;
  /**
   * The AuthX controllers the module mounts: `true` all of them (auth, totp, rebac-admin,
   * authx-admin, role-assignments, jwks), `false` none, or a list of {@link AuthxControllerName}s.
   * Default `true`.
   */
  controllers?: boolean | AuthxControllerName[];
  /** Postgres schema of AuthX's tables (sessions, tuples, roles, audit, TOTP): the service's own. Default `identity`. */
  schema?: string;
  /**
   * Extra access-token claims derived from the session, so they survive every refresh (e.g. the
   * edge's `mm_role` and `parent_user_id`). AuthX's own claims (`sub`, `tenant`, `roles`, `sid`,
   * `jti`, `iss`, `aud`, times) always win. Default: none.
   *
   * @example
   * sessionClaims: (s) => (s.roles.includes('parent') ? { mm_role: 'parent', parent_user_id: s.userId } : {})
   */
  sessionClaims?: SessionClaims;
}

/** Derives extra access-token claims from a session (see {@link AuthxOptions.sessionClaims}). */
export type SessionClaims = (session: { tenantId: string; userId: string; roles: readonly string[] }) => Record<string, string>;

/** The OTP policy in force. */
export interface OtpPolicy {
  ttlSec: number;
  maxAttempts: number;
  cooldownSec: number;
  /** Codes per subject and tenant per hour, from all addresses; a (subject, address) that signed in before is exempt. */
  hourlyCapPerSubject: number;
  /** Codes per (subject, address) per hour: what one attacker's address can spend on one victim. */
  hourlyCapPerSubjectIp: number;
  hourlyCapPerIp: number;
  /** Codes per tenant per hour; a (subject, address) that signed in before is exempt. */
  hourlyCapPerTenant: number;
}

/** How many wrong TOTP step-up codes are tolerated before a lock. */
export interface TotpStepUpPolicy {
  /** Wrong codes per session within `sessionWindowSec`; the last one revokes the session. */
  maxFailuresPerSession: number;
  sessionWindowSec: number;
  /** Wrong codes per user (all sessions) within an hour; the last one locks step-up for `userLockSec`. */
  maxFailuresPerUser: number;
  userLockSec: number;
  /** At most one check per user in this many ms (429 `TOTP_RATE_LIMITED`), so a burst cannot race past the counters. */
  minIntervalMs: number;
}

/** Options with every default applied. */
export type ResolvedAuthxOptions = Required<Omit<AuthxOptions, 'sender' | 'otp' | 'controllers' | 'totpStepUp' | 'sessionClaims'>> & {
  otp: OtpPolicy;
  sessionClaims?: SessionClaims;
  totpStepUp: TotpStepUpPolicy;
  sender?: OtpSender;
  delivery: DeliveryEnv;
  /** `AUTHX_TRUST_PROXY=true`: the client IP for OTP throttling comes from `x-forwarded-for` (behind the gateway). */
  trustProxy: boolean;
  /**
   * How many proxies in front of the service append to `x-forwarded-for`
   * (`AUTHX_TRUSTED_PROXY_HOPS`, default 1): the client IP is that many entries from the right.
   * 0 when `trustProxy` is off (the socket's address).
   */
  trustedProxyHops: number;
  /** `AUTHX_ENCRYPTION_KEY`: master key of OTP hashes and TOTP secrets; default derived from the JWT key. */
  encryptionKey?: string;
};

/** Where codes are delivered, from env. */
export interface DeliveryEnv {
  smtpUrl?: string;
  emailFrom: string;
  smsWebhookUrl?: string;
  smsWebhookToken?: string;
}

/**
 * The platform-level permission: defining or assigning roles for every tenant (`*`) or roles
 * that carry `tenants:cross` / `tenants:*`. Held by the built-in `platform-admin` role.
 */
export const PLATFORM_PERMISSION = 'tenants:*';

/** Out-of-band codes never live longer than this, whatever the configuration says. */
export const OTP_MAX_TTL_SEC = 600;

const DEFAULT_EMAIL_FROM = 'MikasMissions <no-reply@mikasmissions.local>';

export const DEFAULT_OTP_POLICY: OtpPolicy = {
  ttlSec: 300,
  maxAttempts: 5,
  cooldownSec: 30,
  hourlyCapPerSubject: 20,
  hourlyCapPerSubjectIp: 5,
  hourlyCapPerIp: 30,
  hourlyCapPerTenant: 10_000,
};

/** 5 wrong codes per session in 15 min (then the session is revoked), 10 per user per hour (then 1 h locked), one check per 250 ms. */
export const DEFAULT_TOTP_STEP_UP_POLICY: TotpStepUpPolicy = {
  maxFailuresPerSession: 5,
  sessionWindowSec: 900,
  maxFailuresPerUser: 10,
  userLockSec: 3_600,
  minIntervalMs: 250,
};

function schemaName(schema: string): string {
  try {
    quoteSchema(schema);
  } catch (error) {
    throw new ConfigValidationError([`AuthxOptions.schema: ${(error as Error).message}`]);
  }
  return schema;
}

/**
 * Applies the validated env (the `authxConfig` slice: `ACCESS_TOKEN_TTL_SEC`, `OTP_*`,
 * `SMTP_URL`, `SMS_WEBHOOK_URL`, …) over `options`, then the defaults.
 */
export function resolveAuthxOptions(options: AuthxOptions, e: AuthxEnv, defaultSchema: RebacSchema): ResolvedAuthxOptions {
  const otp: OtpPolicy = {
    ttlSec: e.OTP_TTL_SEC ?? options.otp?.ttlSec ?? DEFAULT_OTP_POLICY.ttlSec,
    maxAttempts: e.OTP_MAX_ATTEMPTS ?? options.otp?.maxAttempts ?? DEFAULT_OTP_POLICY.maxAttempts,
    cooldownSec: e.OTP_COOLDOWN_SEC ?? options.otp?.cooldownSec ?? DEFAULT_OTP_POLICY.cooldownSec,
    hourlyCapPerSubject: e.OTP_HOURLY_CAP ?? options.otp?.hourlyCapPerSubject ?? DEFAULT_OTP_POLICY.hourlyCapPerSubject,
    hourlyCapPerSubjectIp: e.OTP_SUBJECT_IP_HOURLY_CAP ?? options.otp?.hourlyCapPerSubjectIp ?? DEFAULT_OTP_POLICY.hourlyCapPerSubjectIp,
    hourlyCapPerIp: e.OTP_IP_HOURLY_CAP ?? options.otp?.hourlyCapPerIp ?? DEFAULT_OTP_POLICY.hourlyCapPerIp,
    hourlyCapPerTenant: e.OTP_TENANT_HOURLY_CAP ?? options.otp?.hourlyCapPerTenant ?? DEFAULT_OTP_POLICY.hourlyCapPerTenant,
  };
  otp.ttlSec = Math.min(otp.ttlSec, OTP_MAX_TTL_SEC);
  return {
    accessTokenTtlSec: e.ACCESS_TOKEN_TTL_SEC ?? options.accessTokenTtlSec ?? 900,
    refreshTokenTtlSec: e.REFRESH_TOKEN_TTL_SEC ?? options.refreshTokenTtlSec ?? 30 * 86_400,
    refreshGraceSec: e.REFRESH_GRACE_SEC ?? options.refreshGraceSec ?? 10,
    otp,
    totpStepUp: { ...DEFAULT_TOTP_STEP_UP_POLICY, ...options.totpStepUp },
    roles: [
      { role: 'admin', permissions: ['authx:admin'] },
      { role: 'platform-admin', permissions: [PLATFORM_PERMISSION, 'authx:admin'] },
      ...(options.roles ?? []),
    ],
    roleRefreshSec: options.roleRefreshSec ?? 5,
    defaultRoles: options.defaultRoles ?? ['user'],
    rebacSchema: options.rebacSchema ?? defaultSchema,
    rebacMaxDepth: options.rebacMaxDepth ?? 8,
    crossTenantPermission: options.crossTenantPermission ?? 'tenants:cross',
    sender: options.sender,
    sessionClaims: options.sessionClaims,
    totpIssuer: options.totpIssuer ?? 'MikasMissions',
    redisPrefix: e.AUTHX_REDIS_PREFIX ?? options.redisPrefix ?? 'authx:',
    schema: schemaName(options.schema ?? DEFAULT_AUTHX_SCHEMA),
    encryptionKey: e.AUTHX_ENCRYPTION_KEY,
    trustProxy: e.AUTHX_TRUST_PROXY ?? false,
    trustedProxyHops: e.AUTHX_TRUST_PROXY ? (e.AUTHX_TRUSTED_PROXY_HOPS ?? 1) : 0,
    delivery: {
      smtpUrl: e.SMTP_URL,
      emailFrom: e.OTP_EMAIL_FROM ?? DEFAULT_EMAIL_FROM,
      smsWebhookUrl: e.SMS_WEBHOOK_URL,
      smsWebhookToken: e.SMS_WEBHOOK_TOKEN,
    },
  };
}

/** DI token of {@link ResolvedAuthxOptions}. */
export const AUTHX_OPTIONS = Symbol.for('mikasmissions.authx.options');
