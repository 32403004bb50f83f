import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { RequestContext, type Principal } from '@mikasmissions/context';
import { AuthxUnavailableError, ForbiddenError } from '../authx.errors';
import { AuditService } from '../audit/audit.service';
import { PolicyRegistry } from '../rbac/policy.registry';
import { TenantRule } from '../rbac/tenant-rule';
import { RebacService } from '../rebac/rebac.service';
import type { ResolvedRelationCheck } from '../relation-check.decorator';
import type { AbacInput, RequireRule } from '../require.decorator';
import type { RoutePolicy } from './route-policy';

type AnyRequest = AbacInput['req'];

/**
 * Applies, for a signed-in principal, in order: the tenant rule (a header naming another
 * tenant needs the cross-tenant permission), RBAC (`@RequirePermissions`), REBAC
 * (`@RelationCheck`) and ABAC (`@Require`). Every decision is audited; a denial is a 403
 * whose code is the reason.
 */
@Injectable()
export class AuthorizationService {
  constructor(
    private readonly ctx: RequestContext,
    private readonly policies: PolicyRegistry,
    private readonly rebac: RebacService,
    private readonly audit: AuditService,
    private readonly moduleRef: ModuleRef,
    private readonly tenantRule: TenantRule,
  ) {}

  /** Authorizes `principal` for `route` (its cached {@link RoutePolicy}); a denial is a 403. */
  async authorize(route: RoutePolicy, req: AnyRequest, principal: Principal): Promise<void> {
    await this.checkTenant(principal, route.action);
    const tenantId = this.ctx.tenantId;
    for (const permission of route.permissions) {
      const ok = this.policies.can(principal.roles, tenantId, permission);
      await this.decide(ok, 'permission', permission, null, ok ? 'role_grants' : 'missing_permission');
      if (!ok) throw new ForbiddenError('missing_permission', `permission ${permission} is required in tenant ${tenantId}`, { permission });
    }
    if (route.relation) await this.checkRelation(route.relation, req, principal, tenantId);
    if (route.rule) await this.checkPredicate(route.rule, req, principal, tenantId, route.action);
  }

  private async checkTenant(principal: Principal, action: string): Promise<void> {
    const requested = this.ctx.requestedTenant;
    const own = principal.tenantId;
    if (!requested || !own || requested === own) return;
    await this.tenantRule.assert(principal.roles, own, requested, action);
  }

  private async checkRelation(check: ResolvedRelationCheck, req: AnyRequest, principal: Principal, tenantId: string): Promise<void> {
    const id = req.params?.[check.objectParam];
    const object = `${check.objectType}:${id}`;
    let decision: { allowed: boolean; reason: string };
    try {
      decision = await this.rebac.check(tenantId, object, check.relation, `user:${principal.userId}`);
    } catch (error) {
      if ((error as { status?: number }).status !== 400) throw new AuthxUnavailableError();
      decision = { allowed: false, reason: 'invalid_object' };
    }
    await this.decide(decision.allowed, 'relation', check.relation, object, decision.reason);
    if (!decision.allowed) {
      throw new ForbiddenError('relation_denied', `${check.relation} on ${object} is required`, {
        relation: check.relation,
        object,
        reason: decision.reason,
      });
    }
  }

  private async checkPredicate(rule: RequireRule, req: AnyRequest, principal: Principal, tenantId: string, action: string): Promise<void> {
    let ok = false;
    let reason = 'predicate_false';
    try {
      const input = { principal, req, tenantId };
      const resource = rule.resource
        ? await rule.resource(input, (token) => this.moduleRef.get(token as never, { strict: false }))
        : undefined;
      ok = (await rule.predicate({ ...input, resource })) === true;
      if (ok) reason = 'predicate_true';
    } catch {
      reason = 'predicate_error';
    }
    await this.decide(ok, 'predicate', `${action}:${rule.name}`, null, reason);
    if (!ok) throw new ForbiddenError('predicate_denied', `access rule "${rule.name}" denied this request`, { rule: rule.name, reason });
  }

  private decide(ok: boolean, kind: string, action: string, object: string | null, reason: string, tenantId?: string): Promise<void> {
    return this.audit.record({ kind, action, object, decision: ok ? 'allow' : 'deny', reason, tenantId });
  }
}
