import { DynamicModule, Global, Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { PERSISTENCE_SCHEMA, PersistenceService } from '@mikasmissions/persistence';
import type { Pool } from 'pg';
import { MemoryAuditLog } from './adapters/memory/memory-audit.log';
import { MemoryOtpStore } from './adapters/memory/memory-otp.store';
import { MemoryRelationTupleStore } from './adapters/memory/memory-relation-tuple.store';
import { MemoryRoleAssignmentStore } from './adapters/memory/memory-role-assignment.store';
import { MemoryRoleDefinitionStore } from './adapters/memory/memory-role-definition.store';
import { MemorySessionStore } from './adapters/memory/memory-session.store';
import { MemoryTotpStore } from './adapters/memory/memory-totp.store';
import { PostgresAuditLog } from './adapters/postgres/postgres-audit.log';
import { PostgresRelationTupleStore } from './adapters/postgres/postgres-relation-tuple.store';
import { PostgresRoleAssignmentStore } from './adapters/postgres/postgres-role-assignment.store';
import { PostgresRoleDefinitionStore } from './adapters/postgres/postgres-role-definition.store';
import { PostgresSessionStore } from './adapters/postgres/postgres-session.store';
import { PostgresTotpStore } from './adapters/postgres/postgres-totp.store';
import { RedisOtpStore } from './adapters/redis/redis-otp.store';
import { RedisRelationTupleStore } from './adapters/redis/redis-relation-tuple.store';
import { outageAsUnavailable } from './adapters/outage-as-unavailable';
import { AuditService } from './audit/audit.service';
import { authxConfig } from './authx.config';
import { AUTHX_OPTIONS, resolveAuthxOptions, type AuthxOptions, type ResolvedAuthxOptions } from './authx.options';
import { AuthorizationService } from './guard/authorization.service';
import { AuthxGuard } from './guard/authx.guard';
import { authxControllers } from './http/authx-controllers';
import { BearerAuthenticator } from './guard/bearer-authenticator';
import { RoutePolicies } from './guard/route-policy';
import { OtpSender } from './otp/otp-sender';
import { createOtpSender } from './otp/otp-sender.factory';
import { OtpService } from './otp/otp.service';
import { AuditLog } from './ports/audit-log';
import { OtpStore } from './ports/otp-store';
import { RelationTupleStore } from './ports/relation-tuple-store';
import { RoleAssignmentStore } from './ports/role-assignment-store';
import { RoleDefinitionStore } from './ports/role-definition-store';
import { SessionStore } from './ports/session-store';
import { TotpStore } from './ports/totp-store';
import { AdminScope } from './rbac/admin-scope';
import { TenantRule } from './rbac/tenant-rule';
import { RolePrivilege } from './rbac/role-privilege';
import { PolicyRegistry } from './rbac/policy.registry';
import { DEFAULT_REBAC_SCHEMA, assertRebacSchema } from './rebac/rebac.schema';
import { RebacService } from './rebac/rebac.service';
import { SessionService } from './sessions/session.service';
import { JwtCodec } from './tokens/jwt-codec';
import { SecretBox } from './tokens/secret-box';
import { TotpStepUpService } from './totp/totp-step-up.service';
import { TotpService } from './totp/totp.service';

const durable = <T extends object>(memory: () => T, postgres: (pool: Pool, schema: string) => T) => ({
  inject: [PersistenceService, AUTHX_OPTIONS],
  useFactory: (p: PersistenceService, o: ResolvedAuthxOptions) =>
    outageAsUnavailable(p.preferredStore({ redis: false }) === 'postgres' && p.pool ? postgres(p.pool, o.schema) : memory()),
});

/**
 * AuthX for an app: OTP login, JWT access + rotating refresh tokens, sessions, TOTP, RBAC,
 * REBAC, ABAC and the audit log, with {@link AuthxGuard} as the `auth` guard stage of the request pipeline
 * and its HTTP surface mounted (`controllers`, default all: `/auth/*`, `/auth/totp/*`,
 * `/admin/auth/*`, `/.well-known/jwks.json`). Stores follow the persistence mode: Postgres
 * (`schema`, default: the service's `PersistenceModule` schema, else `identity`) for sessions, tuples, role assignments and run-time roles, audit and TOTP; Redis for OTP state (and
 * tuples without Postgres); memory otherwise. A store failure is a 503 `AUTH_UNAVAILABLE`.
 *
 * @example
 * @Module({ imports: [AuthxModule.forRoot({ roles: [{ role: 'user', permissions: ['events:write'] }] })] })
 * export class AppModule {}
 * // only login and JWKS, no admin API:
 * AuthxModule.forRoot({ controllers: ['auth', 'jwks'] })
 */
@UsesConfig(authxConfig)
@Global()
@Module({})
export class AuthxModule {
  static forRoot(options: AuthxOptions = {}): DynamicModule {
    return {
      module: AuthxModule,
      controllers: authxControllers(options.controllers),
      providers: [
        {
          provide: AUTHX_OPTIONS,
          inject: [AppConfig, { token: PERSISTENCE_SCHEMA, optional: true }],
          useFactory: (config: AppConfig, serviceSchema: string | null) => {
            const schema = options.schema ?? (serviceSchema && serviceSchema !== 'public' ? serviceSchema : undefined);
            const resolved = resolveAuthxOptions({ ...options, schema }, config.slice(authxConfig), DEFAULT_REBAC_SCHEMA);
            assertRebacSchema(resolved.rebacSchema);
            return resolved;
          },
        },
        {
          provide: JwtCodec,
          inject: [AppConfig],
          useFactory: (c: AppConfig) => new JwtCodec(c.jwt, { issuer: c.jwt.issuer, audience: c.jwt.audience }),
        },
        {
          provide: SecretBox,
          inject: [AppConfig, AUTHX_OPTIONS],
          useFactory: (c: AppConfig, o: ResolvedAuthxOptions) =>
            new SecretBox(o.encryptionKey ?? (c.jwt.kind === 'secret' ? c.jwt.secret : c.jwt.privateKeyPem)),
        },
        {
          provide: OtpSender,
          inject: [AppConfig, AUTHX_OPTIONS],
          useFactory: (c: AppConfig, o: ResolvedAuthxOptions) =>
            outageAsUnavailable(o.sender ?? createOtpSender(c, o.delivery, c.slice(authxConfig).OTP_SENDER)),
        },
        {
          provide: OtpStore,
          inject: [PersistenceService, AUTHX_OPTIONS],
          useFactory: (p: PersistenceService, o: ResolvedAuthxOptions) =>
            outageAsUnavailable(p.redis ? new RedisOtpStore(p.redis, `${o.redisPrefix}otp:`) : new MemoryOtpStore()),
        },
        {
          provide: SessionStore,
          ...durable<SessionStore>(
            () => new MemorySessionStore(),
            (pool, schema) => new PostgresSessionStore(pool, schema),
          ),
        },
        {
          provide: RelationTupleStore,
          inject: [PersistenceService, AUTHX_OPTIONS],
          useFactory: (p: PersistenceService, o: ResolvedAuthxOptions): RelationTupleStore => {
            const store = p.preferredStore();
            if (store === 'postgres' && p.pool) return outageAsUnavailable(new PostgresRelationTupleStore(p.pool, o.schema));
            if (store === 'redis' && p.redis) return outageAsUnavailable(new RedisRelationTupleStore(p.redis, `${o.redisPrefix}rebac:`));
            return outageAsUnavailable(new MemoryRelationTupleStore());
          },
        },
        {
          provide: AuditLog,
          ...durable<AuditLog>(
            () => new MemoryAuditLog(),
            (pool, schema) => new PostgresAuditLog(pool, schema),
          ),
        },
        {
          provide: RoleAssignmentStore,
          ...durable<RoleAssignmentStore>(
            () => new MemoryRoleAssignmentStore(),
            (pool, schema) => new PostgresRoleAssignmentStore(pool, schema),
          ),
        },
        {
          provide: RoleDefinitionStore,
          ...durable<RoleDefinitionStore>(
            () => new MemoryRoleDefinitionStore(),
            (pool, schema) => new PostgresRoleDefinitionStore(pool, schema),
          ),
        },
        {
          provide: TotpStore,
          ...durable<TotpStore>(
            () => new MemoryTotpStore(),
            (pool, schema) => new PostgresTotpStore(pool, schema),
          ),
        },
        AuditService,
        SessionService,
        TotpService,
        TotpStepUpService,
        OtpService,
        PolicyRegistry,
        AdminScope,
        TenantRule,
        RolePrivilege,
        RebacService,
        AuthorizationService,
        RoutePolicies,
        BearerAuthenticator,
        AuthxGuard,
      ],
      exports: [
        AUTHX_OPTIONS,
        JwtCodec,
        SecretBox,
        OtpSender,
        OtpStore,
        SessionStore,
        RelationTupleStore,
        RoleAssignmentStore,
        RoleDefinitionStore,
        AuditLog,
        TotpStore,
        AuditService,
        SessionService,
        TotpService,
        OtpService,
        PolicyRegistry,
        RebacService,
        BearerAuthenticator,
      ],
    };
  }
}
