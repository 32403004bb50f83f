import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { ApplicationConfig, Reflector } from '@nestjs/core';
import { type Principal, RequestContext } from '@mikasmissions/context';
import { PipelineStage, Public, type RouteGuardFn, type RouteInfo, type RouteRequest, type RouteStage } from '@mikasmissions/http';
import { type EdgeIdentity, type EdgeRole, verifyIdentity } from './identity-headers';
import { InsufficientRoleError, InvalidIdentityError, MissingIdentityError, TenantMismatchError } from './identity.errors';
import { RolesDecorator } from './roles.decorator';
import { isInternalPath, routePaths } from './route-paths';
import type { IdentitySettings } from './service-identity.config';

/** The injection token of the process's {@link IdentitySettings}. */
export const IDENTITY_SETTINGS = Symbol.for('mikasmissions.service-identity.settings');

/** The path the gateway signed: the request line's path as the service received it, prefix included, query dropped. */
const signedPath = (req: RouteRequest): string => (req.originalUrl ?? req.url).split('?')[0];

/** A parent without its id or a child without its profile is not an identity a route can scope. */
const incomplete = (identity: EdgeIdentity): boolean =>
  (identity.role === 'parent' && !identity.parentUserId) || (identity.role === 'child' && !identity.childProfileId);

/** The principal `@Context()` and `RequestContext` show for a verified edge identity. */
export function principalOf(identity: EdgeIdentity): Principal {
  return {
    userId: identity.subject ?? identity.parentUserId ?? identity.childProfileId ?? identity.role,
    tenantId: identity.tenantId,
    roles: [identity.role],
    role: identity.role,
    parentUserId: identity.parentUserId,
    childProfileId: identity.childProfileId,
    claims: { source: 'edge', subject: identity.subject },
  };
}

/**
 * Guard stage `identity`: verifies the gateway-signed `x-auth-*` headers against the request's
 * method and path and puts the identity into the request context. Planned per route:
 * - `/internal/…` (also under the global prefix) needs the `service` role in every mode;
 * - `@Roles(…)` routes: another role → 403; no identity → 401 `missing_identity` with
 *   `AUTH_MODE=enforce`, passes as anonymous in permissive mode;
 * - other routes read an identity when one is sent; `@Public()` routes are not planned.
 * Forged, expired or malformed headers are 401 `invalid_identity` wherever they are checked.
 */
@PipelineStage({ kind: 'guard', name: 'identity' })
@Injectable()
export class IdentityStage implements RouteStage<RouteGuardFn> {
  constructor(
    private readonly reflector: Reflector,
    private readonly appConfig: ApplicationConfig,
    private readonly ctx: RequestContext,
    @Inject(IDENTITY_SETTINGS) private readonly settings: IdentitySettings,
  ) {}

  plan(route: RouteInfo): RouteGuardFn | undefined {
    const prefix = this.appConfig.getGlobalPrefix();
    const internal = routePaths(route, prefix).some((path) => isInternalPath(path, prefix));
    const declared = this.reflector.getAllAndOverride(RolesDecorator, [route.handler, route.controller]);
    if (internal && declared && !declared.includes('service')) {
      throw new Error(
        `request pipeline: ${route.name}: /internal routes are for the service role, but @Roles(${declared.join(', ')}) leaves it out`,
      );
    }
    const roles: readonly EdgeRole[] | undefined = internal ? ['service'] : declared;
    const isPublic = this.reflector.getAllAndOverride(Public, [route.handler, route.controller]);
    if (!roles && isPublic) return undefined;
    const required = internal || (roles !== undefined && this.settings.mode === 'enforce');
    return (context) => this.check(context, roles, required);
  }

  private check(context: ExecutionContext, roles: readonly EdgeRole[] | undefined, required: boolean): void {
    const req = context.switchToHttp().getRequest<RouteRequest>();
    const result = verifyIdentity(req.headers, { method: req.method, path: signedPath(req) }, this.settings.key, this.settings.maxSkewMs);
    if (!result.ok) {
      if (result.problem !== 'missing') throw new InvalidIdentityError(result.problem);
      if (required) throw new MissingIdentityError();
      return;
    }
    const identity = result.identity;
    if (incomplete(identity)) throw new InvalidIdentityError('malformed');
    if (roles && !roles.includes(identity.role)) throw new InsufficientRoleError(identity.role, roles);
    const requested = this.ctx.requestedTenant;
    if (requested !== undefined && requested !== identity.tenantId) throw new TenantMismatchError();
    this.ctx.setPrincipal(principalOf(identity));
  }
}
