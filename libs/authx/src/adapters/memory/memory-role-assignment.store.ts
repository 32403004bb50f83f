import { RoleAssignmentStore } from '../../ports/role-assignment-store';

/** In-process role assignments for dev and tests. */
export class MemoryRoleAssignmentStore extends RoleAssignmentStore {
  private readonly roles = new Map<string, Set<string>>();

  async assign(tenantId: string, userId: string, role: string): Promise<void> {
    const key = `${tenantId}\u0000${userId}`;
    this.roles.set(key, (this.roles.get(key) ?? new Set()).add(role));
  }

  async unassign(tenantId: string, userId: string, role: string): Promise<boolean> {
    return this.roles.get(`${tenantId}\u0000${userId}`)?.delete(role) ?? false;
  }

  async rolesOf(tenantId: string, userId: string): Promise<string[]> {
    return [...(this.roles.get(`${tenantId}\u0000${userId}`) ?? [])].sort();
  }
}
