import { Inject, Injectable, Logger, Optional, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { AUTHX_OPTIONS, type ResolvedAuthxOptions } from '../authx.options';
import { RoleDefinitionStore } from '../ports/role-definition-store';

const PERMISSION = /^(\*|[a-z0-9_-]+(:[a-z0-9_*-]+)*)$/i;

/** The tenant scope of a role that holds in every tenant. */
export const ALL_TENANTS = '*';

type RoleMap = Map<string, Map<string, Set<string>>>;

function grant(map: RoleMap, tenant: string, role: string, permissions: readonly string[]): void {
  const byRole = map.get(tenant) ?? new Map<string, Set<string>>();
  const set = byRole.get(role) ?? new Set<string>();
  for (const p of permissions) set.add(p);
  byRole.set(role, set);
  map.set(tenant, byRole);
}

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
 * RBAC: roles → permissions, per tenant (or for every tenant, `*`). Wildcards: `events:*`, `*`.
 * Two sources: roles declared in code (`AuthxModule.forRoot({ roles })`, {@link registerRole}),
 * which every replica runs, and roles defined at run time ({@link defineRole}), kept in the
 * {@link RoleDefinitionStore} and read back by every replica at start-up and every
 * `roleRefreshSec` (default 5 s), so replicas agree within that interval. A failed read keeps
 * the last known roles and is logged.
 *
 * @example
 * policies.registerRole('user', ['events:write'], 'tenantA');
 * policies.can(['user'], 'tenantA', 'events:write'); // true
 * policies.can(['user'], 'tenantB', 'events:write'); // false
 * await policies.defineRole('auditor', ['authx:admin'], 'tenantA'); // every replica, persisted
 */
@Injectable()
export class PolicyRegistry implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PolicyRegistry');
  private readonly declared: RoleMap = new Map();
  private stored: RoleMap = new Map();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(AUTHX_OPTIONS) private readonly options: ResolvedAuthxOptions,
    @Optional() private readonly store?: RoleDefinitionStore,
  ) {
    for (const def of options.roles) this.registerRole(def.role, def.permissions, def.tenant);
  }

  async onModuleInit(): Promise<void> {
    if (!this.store) return;
    await this.reload().catch((error: Error) => this.logger.warn(`run-time roles not loaded yet: ${error.message}`));
    this.timer = setInterval(() => {
      this.reload().catch((error: Error) => this.logger.warn(`run-time roles not refreshed: ${error.message}`));
    }, this.options.roleRefreshSec * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Grants `permissions` to `role` in `tenant` (all tenants when omitted) in this process; for roles declared in code. */
  registerRole(role: string, permissions: string[], tenant?: string): void {
    if (!role) throw new Error('role name is required');
    permissions.forEach(assertPermission);
    grant(this.declared, tenant ?? ALL_TENANTS, role, permissions);
  }

  /** Grants `permissions` to `role` in `tenant` (`*`: every tenant) in the store, for every replica; adds to earlier grants. */
  async defineRole(role: string, permissions: string[], tenant: string): Promise<void> {
    if (!role) throw new Error('role name is required');
    permissions.forEach(assertPermission);
    if (!this.store) return this.registerRole(role, permissions, tenant);
    await this.store.define(tenant, role, permissions);
    await this.reload();
  }

  /** Reads the run-time roles from the store again. */
  async reload(): Promise<void> {
    if (!this.store) return;
    const next: RoleMap = new Map();
    for (const def of await this.store.all()) grant(next, def.tenantId, def.role, def.permissions);
    this.stored = next;
  }

  /** The permissions `roles` hold in `tenant`. */
  permissionsOf(roles: readonly string[], tenant: string): string[] {
    const out = new Set<string>();
    for (const byRole of this.scopes(tenant)) for (const role of roles) for (const p of byRole.get(role) ?? []) out.add(p);
    return [...out];
  }

  /** True when one of `roles` grants `permission` in `tenant`. */
  can(roles: readonly string[], tenant: string, permission: string): boolean {
    return this.permissionsOf(roles, tenant).some((g) => permissionMatches(g, permission));
  }

  /** Every registered role, for admins. */
  describe(tenant: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const byRole of this.scopes(tenant))
      for (const [role, perms] of byRole) out[role] = [...new Set([...(out[role] ?? []), ...perms])];
    return out;
  }

  /** The permissions `role` holds in any tenant (declared or stored): what it could ever grant. */
  permissionsAnywhere(role: string): string[] {
    const out = new Set<string>();
    for (const map of [this.declared, this.stored]) for (const byRole of map.values()) for (const p of byRole.get(role) ?? []) out.add(p);
    return [...out];
  }

  private scopes(tenant: string): Array<Map<string, Set<string>>> {
    const tenants = tenant === ALL_TENANTS ? [ALL_TENANTS] : [ALL_TENANTS, tenant];
    return tenants.flatMap((t) => [this.declared.get(t), this.stored.get(t)]).filter((m): m is Map<string, Set<string>> => m !== undefined);
  }
}
