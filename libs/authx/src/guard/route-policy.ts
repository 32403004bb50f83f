import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from '@mikasmissions/http';
import { isAdminPermission } from '../rbac/role-privilege';
import { RELATION_CHECK_KEY, type ResolvedRelationCheck } from '../relation-check.decorator';
import { REQUIRE_KEY, type RequireRule } from '../require.decorator';
import { REQUIRE_PERMISSIONS_KEY } from '../require-permissions.decorator';

/** What a route declares for AuthX: `@Public()`, `@RequirePermissions`, `@RelationCheck`, `@Require`. */
export interface RoutePolicy {
  /** `Controller.handler`, the action name of audit entries. */
  action: string;
  isPublic: boolean;
  permissions: readonly string[];
  /** An admin route (a permission covering `authx:admin` or `tenants:*`): a signed-in principal is required in every `AUTH_MODE`. */
  requiresPrincipal: boolean;
  relation?: ResolvedRelationCheck;
  rule?: RequireRule;
}

type Target = (...args: never[]) => unknown;

/**
 * The {@link RoutePolicy} of a route, read with the `Reflector` once per handler (method
 * metadata overrides class metadata) and cached for the life of the process, so a request
 * pays a map lookup, not four reflections.
 *
 * @example
 * const route = policies.of(context);
 * if (route.isPublic) return true;
 */
@Injectable()
export class RoutePolicies {
  private readonly byHandler = new Map<Target, Map<Target, RoutePolicy>>();

  constructor(private readonly reflector: Reflector) {}

  of(context: ExecutionContext): RoutePolicy {
    return this.ofRoute(context.getHandler() as Target, context.getClass() as unknown as Target);
  }

  /** The policy of `handler` on `controller` (cached). */
  ofRoute(handler: Target, controller: Target): RoutePolicy {
    let byController = this.byHandler.get(handler);
    if (!byController) this.byHandler.set(handler, (byController = new Map()));
    let policy = byController.get(controller);
    if (!policy) byController.set(controller, (policy = this.read(handler, controller)));
    return policy;
  }

  private read(handler: Target, controller: Target): RoutePolicy {
    const meta = <T>(key: string): T | undefined => this.reflector.getAllAndOverride<T | undefined>(key, [handler, controller]);
    const permissions = meta<string[]>(REQUIRE_PERMISSIONS_KEY) ?? [];
    return {
      action: `${controller.name}.${handler.name}`,
      isPublic: meta<boolean>(IS_PUBLIC_KEY) === true,
      permissions,
      requiresPrincipal: permissions.some(isAdminPermission),
      relation: meta<ResolvedRelationCheck>(RELATION_CHECK_KEY),
      rule: meta<RequireRule>(REQUIRE_KEY),
    };
  }
}
