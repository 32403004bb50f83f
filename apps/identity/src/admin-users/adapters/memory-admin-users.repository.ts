import type { AdminUser, NewAdminUser } from '../admin-user';
import { AdminUsersRepository } from '../admin-users.repository';

/** In-process admin accounts for dev:local and tests; same contract as the Prisma adapter. */
export class MemoryAdminUsersRepository extends AdminUsersRepository {
  private readonly users = new Map<string, AdminUser>();

  async ensure(user: NewAdminUser): Promise<{ user: AdminUser; created: boolean }> {
    const key = `${user.tenantId}\u0000${user.emailKey}`;
    const existing = this.users.get(key);
    if (existing) return { user: { ...existing }, created: false };
    const stored = { ...user, createdAt: new Date().toISOString() };
    this.users.set(key, stored);
    return { user: { ...stored }, created: true };
  }

  async findByEmail(tenantId: string, emailKey: string): Promise<AdminUser | null> {
    const found = this.users.get(`${tenantId}\u0000${emailKey}`);
    return found ? { ...found } : null;
  }
}
