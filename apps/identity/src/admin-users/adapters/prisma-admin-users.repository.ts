import type { Prisma } from '../../generated/prisma/client';
import type { IdentityPrisma } from '../../infra/identity-prisma.service';
import type { AdminUser, NewAdminUser } from '../admin-user';
import { AdminUsersRepository } from '../admin-users.repository';

const toAdmin = (row: Prisma.AdminUserGetPayload<object>): AdminUser => ({ ...row, createdAt: row.createdAt.toISOString() });

/** Admin accounts in `identity.admin_users` (unique `(tenant_id, email_key)`). */
export class PrismaAdminUsersRepository extends AdminUsersRepository {
  constructor(private readonly prisma: IdentityPrisma) {
    super();
  }

  async ensure(user: NewAdminUser): Promise<{ user: AdminUser; created: boolean }> {
    const rows = await this.prisma.$queryRaw<Array<{ id: string }>>`
      INSERT INTO "identity"."admin_users" ("id", "tenant_id", "email_key", "password_hash")
      VALUES (${user.id}, ${user.tenantId}, ${user.emailKey}, ${user.passwordHash})
      ON CONFLICT ("tenant_id", "email_key") DO NOTHING RETURNING "id"`;
    const stored = await this.findByEmail(user.tenantId, user.emailKey);
    if (!stored) throw new Error('admin user vanished right after its insert');
    return { user: stored, created: rows.length === 1 };
  }

  async findByEmail(tenantId: string, emailKey: string): Promise<AdminUser | null> {
    const row = await this.prisma.adminUser.findUnique({ where: { tenantId_emailKey: { tenantId, emailKey } } });
    return row ? toAdmin(row) : null;
  }
}
