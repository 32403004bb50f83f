import type { AuthxOptions } from '@mikasmissions/authx';
import type { CacheModuleOptions } from '@mikasmissions/cache';
import type { IdempotencyModuleOptions } from '@mikasmissions/idempotency';
import type { MessagingModuleOptions } from '@mikasmissions/messaging';
import type { PersistencePrismaOptions } from '@mikasmissions/persistence';
import type { ServiceIdentityOptions } from '@mikasmissions/service-identity';

/** How the service listens (read by {@link bootstrap}). */
export interface PlatformHttpOptions {
  /** Port when neither `<SERVICE>_PORT` nor `PORT` is set. */
  port: number;
  /** Global route prefix, e.g. `v1` or `api/v1/analytics`. Default: none. */
  prefix?: string;
  /** Forces the HTTP adapter (the gateway proxies on Fastify). Default: `USE_FASTIFY` picks. */
  adapter?: 'express' | 'fastify';
}

/** Options of `PlatformModule.forRoot`; only `service` and `http` are required. */
export interface PlatformOptions {
  /** The service's name: logs, `<SERVICE>_PORT`, its Postgres schema and its event group. */
  service: string;
  http: PlatformHttpOptions;
  /** The service's Postgres schema. Default: `service` with `-` as `_`. */
  schema?: string;
  /** The service's Prisma client, for `@Transactional()` and Prisma-backed repositories. */
  prisma?: PersistencePrismaOptions;
  /** `@Cache` (SWR). Default: on, with the store the persistence mode picks. `false` turns it off. */
  cache?: CacheModuleOptions | false;
  /** `@Idempotency`. Default: on. `false` turns it off. */
  idempotency?: IdempotencyModuleOptions | false;
  /**
   * `@Publish`, the outbox, the relay and event consumers. Default: off (the service's
   * `platform.json` must then list `messaging`). `true` uses the defaults.
   */
  messaging?: Omit<MessagingModuleOptions, 'service'> | true;
  /**
   * Service-side identity: the gateway-signed `x-auth-*` headers in `@Context()`, `@Roles`,
   * `/internal/*` for `service`, `IdentityScope`. Default: on (permissive mode lets a request
   * without identity through; a forged one never). `false` turns it off.
   */
  identity?: ServiceIdentityOptions | false;
  /**
   * Calls to other services as the signed `service` identity (`ServiceClient`,
   * `ProfileChildOwnership`, libs/service-client). Default: on whenever `identity` is on.
   * `false` turns it off.
   */
  services?: false;
  /** AuthX (tokens, sessions, RBAC/REBAC/ABAC and its controllers). Default: off. */
  authx?: AuthxOptions | true;
}

/** The default Postgres schema of a service name. */
export function schemaOf(service: string): string {
  return service.replace(/-/g, '_');
}

/** Rejects options that cannot work, at start-up, with the field named. */
export function assertPlatformOptions(options: PlatformOptions): void {
  const problems: string[] = [];
  if (typeof options?.service !== 'string' || !/^[a-z][a-z0-9-]{0,39}$/.test(options.service))
    problems.push('service must be a lower-case name like "catalog" or "creator-studio"');
  const port = options?.http?.port;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) problems.push('http.port must be an integer from 0 to 65535');
  if (options?.http?.prefix !== undefined && !/^[a-z0-9][a-z0-9/_-]*$/i.test(options.http.prefix))
    problems.push('http.prefix must look like "v1" or "api/v1/analytics" (no leading slash)');
  if (options?.http?.adapter !== undefined && !['express', 'fastify'].includes(options.http.adapter))
    problems.push('http.adapter must be "express" or "fastify"');
  if (problems.length > 0) throw new Error(`PlatformModule.forRoot: ${problems.join('; ')}`);
}
