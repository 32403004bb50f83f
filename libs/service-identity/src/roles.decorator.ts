import { Reflector } from '@nestjs/core';
import { declareStageDecorator } from '@mikasmissions/http';
import { EDGE_ROLES, type EdgeRole } from './identity-headers';

/** The metadata key of {@link Roles}; read it with `reflector.getAllAndOverride(RolesDecorator, …)`. */
export const RolesDecorator = Reflector.createDecorator<readonly EdgeRole[]>();

declareStageDecorator(
  { kind: 'guard', name: 'identity' },
  RolesDecorator.KEY,
  '@Roles',
  'ServiceIdentityModule (PlatformModule identity option)',
);

/**
 * The edge roles that may call a route (or every route of a controller; a method's own
 * `@Roles` wins). The `identity` guard stage checks the gateway-signed identity against them:
 * another role → 403 `insufficient_role`; no identity → 401 `missing_identity` with
 * `AUTH_MODE=enforce` (permissive lets it through). Unknown or no roles fail at start-up.
 *
 * @example
 * @Roles('parent', 'service')
 * @Get('children/profiles')
 * list(@Context() ctx: RequestContextSnapshot) { … }
 */
export function Roles(...roles: EdgeRole[]): MethodDecorator & ClassDecorator {
  const unknown = roles.filter((r) => !(EDGE_ROLES as readonly string[]).includes(r));
  if (roles.length === 0 || unknown.length > 0) {
    throw new Error(`@Roles(${roles.map((r) => JSON.stringify(r)).join(', ')}): name one or more of ${EDGE_ROLES.join(', ')}`);
  }
  return RolesDecorator([...new Set(roles)]);
}
