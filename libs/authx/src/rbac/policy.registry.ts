import { Inject, Injectable } from '@nestjs/common';
import { AUTHX_OPTIONS, type ResolvedAuthxOptions } from '../authx.options';

const PERMISSION = /^(\*|[a-z0-9_-]+(:[a-z0-9_*-]+)*)$/i;
const ALL_TENANTS = '*';

/** Throws at start-up when a permission string is not `resource:action`, `resource:*` or `*`. */
export function assertPermission(permission: string): void {
  if (!PERMISSION.test(permission)) throw new Error(`invalid permission "${permission}": use resource:action, resource:* or *`);
}

/** True when `granted` (possibly with `*` segments) covers `required`. */
export function permissionMatches(granted: string, required: string): boolean {
  if (granted === '*' || granted === required) return true;
  const g = granted.split(':');
  const r = required.split(':');
  for (let i = 0; i < g.length; i++) {
    if (r[i] === undefined) return false;
    if (g[i] === '*') {
      if (i === g.length - 1) return true;
      continue;
    }
    if (g[i] !== r[i]) return false;
  }
  return g.length === r.length;
}

/**
 * RBAC: roles → permissions, per tenant (or for every tenant). Wildcards: `events:*`, `*`.
 *
 * @example
 * policies.registerRole('user', ['events:write'], 'tenantA');
 * policies.can(['user'], 'tenantA', 'events:write'); // true
 * policies.can(['user'], 'tenantB', 'events:write'); // false
 */
@Injectable()
export class PolicyRegistry {
  private readonly roles = new Map<string, Map<string, Set<string>>>();

  constructor(@Inject(AUTHX_OPTIONS) options: ResolvedAuthxOptions) {
    for (const def of options.roles) this.registerRole(def.role, def.permissions, def.tenant);
  }

  /** Grants `permissions` to `role` in `tenant` (all tenants when omitted); adds to earlier grants. */
  registerRole(role: string, permissions: string[], tenant?: string): void {
    if (!role) throw new Error('role name is required');
    permissions.forEach(assertPermission);
    const byRole = this.roles.get(tenant ?? ALL_TENANTS) ?? new Map<string, Set<string>>();
    const set = byRole.get(role) ?? new Set<string>();
    for (const p of permissions) set.add(p);
    byRole.set(role, set);
    this.roles.set(tenant ?? ALL_TENANTS, byRole);
  }

  /** The permissions `roles` hold in `tenant`. */
  permissionsOf(roles: readonly string[], tenant: string): string[] {
    const out = new Set<string>();
    for (const scope of [ALL_TENANTS, tenant]) {
      const byRole = this.roles.get(scope);
      if (!byRole) continue;
      for (const role of roles) for (const p of byRole.get(role) ?? []) out.add(p);
    }
    return [...out];
  }

  /** True when one of `roles` grants `permission` in `tenant`. */
  can(roles: readonly string[], tenant: string, permission: string): boolean {
    return this.permissionsOf(roles, tenant).some((g) => permissionMatches(g, permission));
  }

  /** Every registered role, for admins. */
  describe(tenant: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const scope of [ALL_TENANTS, tenant]) {
      for (const [role, perms] of this.roles.get(scope) ?? []) out[role] = [...new Set([...(out[role] ?? []), ...perms])];
    }
    return out;
  }
}
