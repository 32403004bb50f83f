import { Prisma } from '../../generated/prisma/client';
import type { IdentityPrisma, IdentityTransactionHost } from '../../infra/identity-prisma.service';
import type { NewParent, ParentAccount, ParentStatus } from '../parent';
import { EmailTakenError } from '../parents.errors';
import { ParentsRepository } from '../parents.repository';

type Row = Prisma.ParentGetPayload<object>;

const toParent = (row: Row): ParentAccount => ({
  id: row.id,
  tenantId: row.tenantId,
  email: row.email,
  emailKey: row.emailKey,
  passwordHash: row.passwordHash,
  country: row.country,
  language: row.language,
  marketing: row.marketing,
  status: row.status as ParentStatus,
  consentVerifiedAt: row.consentVerifiedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Parents in `identity.parents` (unique `(tenant_id, email_key)`); writes join the current transaction. */
export class PrismaParentsRepository extends ParentsRepository {
  constructor(
    private readonly prisma: IdentityPrisma,
    private readonly txHost?: IdentityTransactionHost,
  ) {
    super();
  }

  private get db() {
    return this.txHost ? this.txHost.tx : this.prisma;
  }

  async create(parent: NewParent): Promise<ParentAccount> {
    try {
      return toParent(await this.db.parent.create({ data: { ...parent, status: 'pending_consent' } }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new EmailTakenError();
      throw error;
    }
  }

  async findByEmail(tenantId: string, emailKey: string): Promise<ParentAccount | null> {
    const row = await this.db.parent.findUnique({ where: { tenantId_emailKey: { tenantId, emailKey } } });
    return row ? toParent(row) : null;
  }

  async findById(tenantId: string, id: string): Promise<ParentAccount | null> {
    const row = await this.db.parent.findFirst({ where: { id, tenantId } });
    return row ? toParent(row) : null;
  }

  async activate(tenantId: string, id: string, at: Date): Promise<ParentAccount | null> {
    await this.db.parent.updateMany({ where: { id, tenantId, consentVerifiedAt: null }, data: { consentVerifiedAt: at } });
    const { count } = await this.db.parent.updateMany({ where: { id, tenantId }, data: { status: 'active' } });
    return count === 0 ? null : this.findById(tenantId, id);
  }
}
