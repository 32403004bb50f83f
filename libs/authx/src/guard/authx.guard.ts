import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import type { AbacInput } from '../require.decorator';
import { AuthorizationService } from './authorization.service';
import { BearerAuthenticator } from './bearer-authenticator';
import { RoutePolicies } from './route-policy';

type HttpRequest = AbacInput['req'] & { headers: Record<string, string | string[] | undefined> };

/**
 * The global AuthX guard (registered as APP_GUARD by `AuthxModule`):
 * - `@Public()` routes (from `@mikasmissions/http`; `/health` and `/ready` carry it) pass untouched;
 * - a request carrying `Authorization` is always authenticated by the {@link BearerAuthenticator}
 *   (bad token → 401) and authorized by the {@link AuthorizationService} (tenant rule, RBAC,
 *   REBAC, ABAC → 403 with a reason code);
 * - a request without a token is rejected (401) when `AUTH_MODE=enforce`, and in
 *   `permissive` mode passes as anonymous, skipping RBAC/REBAC/ABAC (dev/local only).
 *
 * `canActivate` is a plain async method, so a composed guard can call it in its own order.
 */
@Injectable()
export class AuthxGuard implements CanActivate {
  constructor(
    private readonly policies: RoutePolicies,
    private readonly bearer: BearerAuthenticator,
    private readonly authorization: AuthorizationService,
    private readonly ctx: RequestContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const route = this.policies.of(context);
    if (route.isPublic) return true;
    const req = context.switchToHttp().getRequest<HttpRequest>();
    const principal = await this.bearer.authenticate(req.headers.authorization);
    if (!principal) return true;
    this.ctx.setPrincipal(principal);
    await this.authorization.authorize(route, req, principal);
    return true;
  }
}
