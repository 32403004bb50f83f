import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RequestContext, type Principal } from '@mikasmissions/context';
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
 * - a request without a token but with a gateway-signed identity (verified by the `identity`
 *   stage before this one) is authorized as that identity's role;
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
      const principal =
        this.edgePrincipal(req) ?? (await this.bearer.authenticate(req.headers.authorization, { required: route.requiresPrincipal }));
      if (!principal) return;
      this.ctx.setPrincipal(principal);
      await this.authorization.authorize(route, req, principal);
    };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const route = this.policies.of(context);
    if (route.isPublic) return true;
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const principal =
      this.edgePrincipal(req) ?? (await this.bearer.authenticate(req.headers.authorization, { required: route.requiresPrincipal }));
    if (!principal) return true;
    this.ctx.setPrincipal(principal);
    await this.authorization.authorize(route, req, principal);
    return true;
  }

  /**
   * The gateway-signed identity the `identity` stage verified (HMAC) when no bearer token is
   * sent: it authenticates the request (a service calling `/internal/*`, a proxied parent), and
   * RBAC/REBAC/ABAC still run on its role.
   */
  private edgePrincipal(req: HttpRequest): Principal | null {
    const principal = this.ctx.principal;
    return req.headers.authorization === undefined && principal?.claims?.source === 'edge' ? principal : null;
  }
}
