import type { AdminUser, NewAdminUser } from './admin-user';

/** Port: admin accounts, unique per tenant by `emailKey`. Adapters: memory, Prisma (Postgres). */
export abstract class AdminUsersRepository {
  /** Stores `user` unless an admin with its email exists in the tenant; returns the stored one and whether it was created. */
  abstract ensure(user: NewAdminUser): Promise<{ user: AdminUser; created: boolean }>;
  /** The admin with this lower-cased email in the tenant, or null. */
  abstract findByEmail(tenantId: string, emailKey: string): Promise<AdminUser | null>;
}
