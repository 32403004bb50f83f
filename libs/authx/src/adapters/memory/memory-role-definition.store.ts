import { RoleDefinitionStore, type StoredRoleDefinition } from '../../ports/role-definition-store';

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** In-process role definitions for dev and tests; one process only. */
export class MemoryRoleDefinitionStore extends RoleDefinitionStore {
  private readonly roles = new Map<string, StoredRoleDefinition>();

  async define(tenantId: string, role: string, permissions: readonly string[]): Promise<void> {
    const key = `${tenantId}\u0000${role}`;
    const known = this.roles.get(key)?.permissions ?? [];
    this.roles.set(key, { tenantId, role, permissions: [...new Set([...known, ...permissions])].sort() });
  }

  async all(): Promise<StoredRoleDefinition[]> {
    return [...this.roles.values()]
      .map((d) => ({ ...d, permissions: [...d.permissions] }))
      .sort((x, y) => (x.tenantId === y.tenantId ? cmp(x.role, y.role) : cmp(x.tenantId, y.tenantId)));
  }
}
