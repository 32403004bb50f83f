import { Inject, Injectable } from '@nestjs/common';
import { AUTHX_OPTIONS, type ResolvedAuthxOptions } from '../authx.options';
import { ForbiddenError } from '../authx.errors';
import { AuditService } from '../audit/audit.service';
import { PolicyRegistry } from './policy.registry';

/**
 * The tenant rule, in one place for the guard (`x-tenant-id`) and the admin routes (a tenant
 * named in a body or query): a principal of tenant `own` acts in another tenant only with the
 * cross-tenant permission. Audited either way; a denial is 403 `tenant_mismatch`.
 *
 * @example
 * await tenantRule.assert(principal.roles, principal.tenantId, requested, 'EventsController.list');
 */
@Injectable()
export class TenantRule {
  constructor(
    private readonly policies: PolicyRegistry,
    private readonly audit: AuditService,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  async assert(roles: readonly string[] | undefined, own: string, requested: string, action: string): Promise<void> {
    const ok = roles !== undefined && this.policies.can(roles, own, this.options.crossTenantPermission);
    await this.audit.record({
      kind: 'tenant',
      action,
      object: `tenant:${requested}`,
      decision: ok ? 'allow' : 'deny',
      reason: ok ? 'cross_tenant_granted' : 'tenant_mismatch',
      tenantId: requested,
    });
    if (!ok) throw new ForbiddenError('tenant_mismatch', `this request belongs to tenant ${own}; it may not act in tenant ${requested}`);
  }
}
