import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { AUTHX_OPTIONS, PLATFORM_PERMISSION, type ResolvedAuthxOptions } from '../authx.options';
import { ForbiddenError } from '../authx.errors';
import { AuditService } from '../audit/audit.service';
import { ALL_TENANTS, PolicyRegistry, permissionMatches } from './policy.registry';
import { TenantRule } from './tenant-rule';

const ADMIN_PERMISSION = 'authx:admin';

/**
 * What an admin route may touch beyond the `x-tenant-id` rule the guard applies:
 * - a tenant named in a body or query passes the same {@link TenantRule} as the header, and
 *   needs `authx:admin` there;
 * - `*` (every tenant) and permissions that cover `tenants:cross` or `tenants:*` need the
 *   platform permission `tenants:*` (role `platform-admin`), so a tenant admin cannot grant
 *   more than its tenant. Every decision is audited; a denial is a 403.
 *
 * @example
 * const tenant = await scope.tenant(dto.tenant, 'roles.define'); // 403 TENANT_MISMATCH / MISSING_PERMISSION
 * await scope.mayGrant(dto.permissions, 'roles.define');
 */
@Injectable()
export class AdminScope {
  constructor(
    private readonly ctx: RequestContext,
    private readonly policies: PolicyRegistry,
    private readonly audit: AuditService,
    private readonly tenantRule: TenantRule,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  /** The tenant the request acts on: `named` (body or query) when given and allowed, else the request's. */
  async tenant(named: string | undefined, action: string): Promise<string> {
    const tenant = named ?? this.ctx.tenantId;
    const principal = this.ctx.principal;
    const own = principal?.tenantId ?? this.ctx.tenantId;
    if (tenant === ALL_TENANTS) {
      await this.require(PLATFORM_PERMISSION, own, action, `tenant:${ALL_TENANTS}`, 'only a platform admin may act for every tenant');
      return tenant;
    }
    if (tenant === own) return tenant;
    await this.tenantRule.assert(principal?.roles, own, tenant, action);
    await this.require(
      ADMIN_PERMISSION,
      tenant,
      action,
      `tenant:${tenant}`,
      `permission ${ADMIN_PERMISSION} is required in tenant ${tenant}`,
    );
    return tenant;
  }

  /** 403 unless the caller may hand out `permissions`: those covering cross-tenant or platform rights need `tenants:*`. */
  async mayGrant(permissions: readonly string[], action: string): Promise<void> {
    const reserved = [this.options.crossTenantPermission, PLATFORM_PERMISSION];
    const platformOnly = permissions.filter((p) => reserved.some((r) => permissionMatches(p, r)));
    if (platformOnly.length === 0) return;
    const own = this.ctx.principal?.tenantId ?? this.ctx.tenantId;
    await this.require(
      PLATFORM_PERMISSION,
      own,
      action,
      `permissions:${platformOnly.join(',')}`,
      `granting ${platformOnly.join(', ')} needs the platform permission ${PLATFORM_PERMISSION}`,
    );
  }

  private async require(permission: string, tenant: string, action: string, object: string, message: string): Promise<void> {
    const roles = this.ctx.principal?.roles;
    const ok = roles !== undefined && this.policies.can(roles, tenant, permission);
    await this.decide(ok, action, object, ok ? 'role_grants' : 'missing_permission');
    if (!ok) throw new ForbiddenError('missing_permission', message, { permission });
  }

  private decide(ok: boolean, action: string, object: string, reason: string): Promise<void> {
    return this.audit.record({ kind: 'tenant', action, object, decision: ok ? 'allow' : 'deny', reason });
  }
}
