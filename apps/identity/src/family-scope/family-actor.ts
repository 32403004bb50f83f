import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import {
  CHILD_OWNERSHIP,
  ChildProfileForbiddenError,
  IdentityScope,
  InsufficientRoleError,
  MissingIdentityError,
  ParentMismatchError,
  type ChildOwnership,
} from '@mikasmissions/service-identity';
import { ChildLookup } from './child-lookup';
import { ChildProfileNotFoundError } from './family.errors';
import type { FamilyScope } from './family-scope';

/** The roles a family route may name. */
export type FamilyRole = 'parent' | 'child' | 'service' | 'admin';

/** Who is acting, resolved from the verified principal (gateway identity or AuthX bearer). */
export interface FamilyCaller {
  tenantId: string;
  role: FamilyRole;
  /** Set for a parent (its own id). */
  parentUserId?: string;
  /** Set for a child principal. */
  childProfileId?: string;
  /** Who to write into audit entries. */
  principal: string;
}

/**
 * The caller of a family route and what it may touch, checked in the service as well as by
 * `@Roles` (an AuthX bearer token replaces the gateway identity after `@Roles` ran, so the role
 * is checked again here). Every family route needs an identity, also in permissive mode:
 * row-level security needs the acting parent. The role is the verified edge role (gateway
 * identity, or a bearer's `mm_role` claim); AuthX's plain `roles` never count here.
 *
 * @example
 * const scope = await this.actor.forChild(childProfileId, ['parent', 'service']);
 */
@Injectable()
export class FamilyActor {
  constructor(
    private readonly ctx: RequestContext,
    private readonly scope: IdentityScope,
    @Inject(CHILD_OWNERSHIP) private readonly ownership: ChildOwnership,
    private readonly children: ChildLookup,
  ) {}

  /** The caller, if its role is one of `allowed`; 401 `missing_identity` without one, 403 `insufficient_role` otherwise. */
  caller(allowed: readonly FamilyRole[]): FamilyCaller {
    const principal = this.ctx.principal;
    if (!principal) throw new MissingIdentityError();
    const role = principal.role as FamilyRole | undefined;
    if (!role || !allowed.includes(role)) throw new InsufficientRoleError(role ?? 'anonymous', allowed);
    const parentUserId = principal.parentUserId ?? (role === 'parent' ? principal.userId : undefined);
    if (role === 'parent' && !parentUserId) throw new MissingIdentityError();
    return {
      tenantId: principal.tenantId ?? this.ctx.tenantId,
      role,
      parentUserId,
      childProfileId: principal.childProfileId,
      principal: principal.userId,
    };
  }

  /**
   * The store scope for acting on `childProfileId`, always a parent's: a parent must own the
   * child (403 `child_profile_forbidden`, via `IdentityScope` and the `ChildOwnership` port) and
   * may name only itself (403 `parent_mismatch`); `service` and `admin` act for the parent they
   * name (who must own the child) or, naming none, for the child's owner (404
   * `child_profile_not_found` when profile does not know the child). The service scope is kept
   * for `/internal/*` ({@link serviceScope}).
   */
  async forChild(
    childProfileId: string,
    allowed: readonly FamilyRole[],
    parentUserId?: string,
  ): Promise<{ caller: FamilyCaller; scope: { tenantId: string; parentUserId: string } }> {
    const caller = this.caller(allowed);
    if (caller.role === 'service' || caller.role === 'admin')
      return { caller, scope: { tenantId: caller.tenantId, parentUserId: await this.ownerFor(childProfileId, parentUserId) } };
    await this.scope.check({ parentUserId, childProfileId });
    if (parentUserId !== undefined && parentUserId !== caller.parentUserId) throw new ParentMismatchError();
    if (caller.role !== 'parent' || !(await this.ownership.owns(caller.parentUserId as string, childProfileId)))
      throw new ChildProfileForbiddenError();
    return { caller, scope: { tenantId: caller.tenantId, parentUserId: caller.parentUserId as string } };
  }

  private async ownerFor(childProfileId: string, named: string | undefined): Promise<string> {
    if (named !== undefined) {
      if (!(await this.ownership.owns(named, childProfileId))) throw new ChildProfileForbiddenError();
      return named;
    }
    const child = await this.children.lookup(childProfileId);
    if (!child) throw new ChildProfileNotFoundError();
    return child.parentUserId;
  }

  /** The service scope of `/internal/*` routes (the identity stage already required the `service` role). */
  serviceScope(): FamilyScope {
    return { tenantId: this.caller(['service']).tenantId, service: true };
  }
}
