import { Inject, Injectable } from '@nestjs/common';
import { AUTHX_OPTIONS, PLATFORM_PERMISSION, type ResolvedAuthxOptions } from '../authx.options';
import { PolicyRegistry, permissionMatches } from './policy.registry';

/** The permission of every `/admin/auth/*` route. */
export const ADMIN_PERMISSION = 'authx:admin';

/** Role names that are privileged whatever permissions they hold today. */
export const RESERVED_ROLES: readonly string[] = ['admin', 'platform-admin', 'service'];

/**
 * True when a route requiring `permission` is an admin route: it needs `authx:admin` or the
 * platform permission (or a wildcard covering them). Such a route never admits an anonymous
 * caller, not even in `AUTH_MODE=permissive`.
 */
export function isAdminPermission(permission: string): boolean {
  return [ADMIN_PERMISSION, PLATFORM_PERMISSION].some((p) => permissionMatches(permission, p) || permissionMatches(p, permission));
}

/**
 * Which roles are privileged: the {@link RESERVED_ROLES} and every role that holds, in any
 * tenant, a permission covering `authx:admin`, the cross-tenant permission or `tenants:*`
 * (`*` included). The dev login never mints them.
 *
 * @example
 * privilege.isPrivileged('admin'); // true
 * privilege.isPrivileged('user'); // false, unless some tenant gave `user` `authx:admin`
 */
@Injectable()
export class RolePrivilege {
  constructor(
    private readonly policies: PolicyRegistry,
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
  ) {}

  /** Reads the run-time roles again, so a role made privileged on another replica a moment ago counts here. */
  refresh(): Promise<void> {
    return this.policies.reload();
  }

  isPrivileged(role: string): boolean {
    if (RESERVED_ROLES.includes(role)) return true;
    const guarded = [ADMIN_PERMISSION, this.options.crossTenantPermission, PLATFORM_PERMISSION];
    return this.policies.permissionsAnywhere(role).some((granted) => guarded.some((p) => permissionMatches(granted, p)));
  }
}
