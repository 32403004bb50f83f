import { declareStageDecorator } from '@mikasmissions/http';
import { Reflector } from '@nestjs/core';
import { assertPermission } from './rbac/policy.registry';

const RequirePermissionsMeta = Reflector.createDecorator<string[]>();

/**
 * RBAC: the caller's roles must grant every listed permission in the request's tenant
 * (wildcards `events:*`, `*` in the grants). Bad permission strings fail at start-up.
 *
 * @example
 * @RequirePermissions('events:write')
 * @Post('events')
 */
export function RequirePermissions(...permissions: string[]): ClassDecorator & MethodDecorator {
  if (permissions.length === 0) throw new Error('@RequirePermissions needs at least one permission');
  permissions.forEach(assertPermission);
  return RequirePermissionsMeta(permissions);
}

/** Metadata key of {@link RequirePermissions}. */
export const REQUIRE_PERMISSIONS_KEY = RequirePermissionsMeta.KEY;
declareStageDecorator(
  { kind: 'guard', name: 'auth' },
  REQUIRE_PERMISSIONS_KEY,
  '@RequirePermissions',
  'AuthxModule (PlatformModule.forRoot({ authx: … }))',
);
