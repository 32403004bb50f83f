import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { PipelineStage, type RouteGuardFn, type RouteInfo, type RouteStage } from '@mikasmissions/http';
import type { AbacInput } from '../require.decorator';
import { AuthorizationService } from './authorization.service';
import { BearerAuthenticator } from './bearer-authenticator';
import { RoutePolicies } from './route-policy';

type HttpRequest = AbacInput['req'] & { headers: Record<string, string | string[] | undefined> };

/**
 * The AuthX guard, the `auth` guard stage of the request pipeline (after tenant and flag):
 * - `@Public()` routes (from `@mikasmissions/http`; `/health` and `/ready` carry it) pass untouched;
 * - a request carrying `Authorization` is always authenticated by the {@link BearerAuthenticator}
 *   (bad token → 401) and authorized by the {@link AuthorizationService} (tenant rule, RBAC,
 *   REBAC, ABAC → 403 with a reason code);
 * - a request without a token but with a gateway identity the identity stage verified passes
 *   (its principal stays; `@Roles` and `IdentityScope` scope it);
 * - a request without a token is rejected (401) when `AUTH_MODE=enforce`, and in
 *   `permissive` mode passes as anonymous, skipping RBAC/REBAC/ABAC (dev/local only) — except
 *   on an admin route (`@RequirePermissions('authx:admin')`, {@link RoutePolicy.requiresPrincipal}):
 *   that one is 401 without a token and 403 without the permission in every mode.
 *
 * The route's policy is read once, when the pipeline plans the route; `canActivate` stays for
 * callers that hold an ExecutionContext.
 */
@PipelineStage({ kind: 'guard', name: 'auth' })
@Injectable()
export class AuthxGuard implements CanActivate, RouteStage<RouteGuardFn> {
  constructor(
    private readonly policies: RoutePolicies,
    private readonly bearer: BearerAuthenticator,
    private readonly authorization: AuthorizationService,
    private readonly ctx: RequestContext,
  ) {}

  plan(info: RouteInfo): RouteGuardFn | undefined {
    const route = this.policies.ofRoute(info.handler, info.controller as never);
    if (route.isPublic) return undefined;
    return async (context) => {
      const req = context.switchToHttp().getRequest<HttpRequest>();
      if (req.headers.authorization === undefined && this.edgeIdentified()) return;
      const principal = await this.bearer.authenticate(req.headers.authorization, { required: route.requiresPrincipal });
      if (!principal) return;
      this.ctx.setPrincipal(principal);
      await this.authorization.authorize(route, req, principal);
    };
  }

  /**
   * Whether the identity stage (which runs before this one) already verified a gateway-signed
   * identity: such a request needs no bearer token, also with `AUTH_MODE=enforce` (a service
   * calling `/internal/*`, a parent the gateway authenticated). RBAC/REBAC/ABAC decorators do not
   * apply to it; `@Roles` and `IdentityScope` do.
   */
  private edgeIdentified(): boolean {
    return (this.ctx.principal?.claims as { source?: unknown } | undefined)?.source === 'edge';
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const route = this.policies.of(context);
    if (route.isPublic) return true;
    const req = context.switchToHttp().getRequest<HttpRequest>();
    if (req.headers.authorization === undefined && this.edgeIdentified()) return true;
    const principal = await this.bearer.authenticate(req.headers.authorization, { required: route.requiresPrincipal });
    if (!principal) return true;
    this.ctx.setPrincipal(principal);
    await this.authorization.authorize(route, req, principal);
    return true;
  }
}
