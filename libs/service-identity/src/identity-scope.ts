import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { ChildProfileForbiddenError, ParentMismatchError } from './identity.errors';
import { CHILD_OWNERSHIP, type ChildOwnership } from './ports/child-ownership';

/** The parent and child a request names (`parent_user_id`, `child_profile_id`). */
export interface ScopeRequest {
  parentUserId?: string;
  childProfileId?: string;
}

/** Where {@link IdentityScope.checkRequest} looks for `parent_user_id` and `child_profile_id`. */
export interface ScopedRequestParts {
  query?: unknown;
  body?: unknown;
  params?: unknown;
}

/** Roles that act for any parent or child (the platform's own callers). */
const UNSCOPED = new Set(['service', 'admin']);

const valuesOf = (parts: unknown[], name: string): string[] =>
  parts.flatMap((part) => {
    const value = part && typeof part === 'object' ? (part as Record<string, unknown>)[name] : undefined;
    return (Array.isArray(value) ? value : [value]).filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
  });

/**
 * Parent scoping, checked in the service (seed 000's rules) against the verified identity:
 * a parent acts only as itself (another `parent_user_id` → 403 `parent_mismatch`) and only for
 * children it owns ({@link ChildOwnership}; else 403 `child_profile_forbidden`); a child acts
 * only for its own profile (and its own parent); `service` and `admin` act for anyone; a
 * request without an edge identity (permissive mode) is not scoped.
 *
 * @example
 * const { parentUserId } = await this.scope.check({ parentUserId: query.parent_user_id });
 * await this.scope.checkRequest(req); // query, body and params
 */
@Injectable()
export class IdentityScope {
  constructor(
    private readonly ctx: RequestContext,
    @Inject(CHILD_OWNERSHIP) private readonly ownership: ChildOwnership,
  ) {}

  /** Refuses what the caller may not name; returns the scope with the principal's own ids filled in. */
  async check(request: ScopeRequest): Promise<ScopeRequest> {
    await this.checkAll(
      request.parentUserId === undefined ? [] : [request.parentUserId],
      request.childProfileId === undefined ? [] : [request.childProfileId],
    );
    const principal = this.ctx.principal;
    return {
      parentUserId: request.parentUserId ?? principal?.parentUserId,
      childProfileId: request.childProfileId ?? (principal?.role === 'child' ? principal.childProfileId : undefined),
    };
  }

  /** {@link check} for every `parent_user_id` in the query and body and `child_profile_id` in the params, query and body. */
  async checkRequest(req: ScopedRequestParts): Promise<void> {
    await this.checkAll(valuesOf([req.query, req.body], 'parent_user_id'), valuesOf([req.params, req.query, req.body], 'child_profile_id'));
  }

  private async checkAll(parents: string[], children: string[]): Promise<void> {
    const principal = this.ctx.principal;
    const role = principal?.role;
    if (!principal || role === undefined || UNSCOPED.has(role)) return;
    if (parents.some((p) => p !== principal.parentUserId)) throw new ParentMismatchError();
    for (const child of new Set(children)) {
      const allowed =
        role === 'parent'
          ? await this.ownership.owns(principal.parentUserId as string, child)
          : role === 'child' && child === principal.childProfileId;
      if (!allowed) throw new ChildProfileForbiddenError();
    }
  }
}
