import type { NewParent, ParentAccount } from '../parent';
import { EmailTakenError } from '../parents.errors';
import { ParentsRepository } from '../parents.repository';

/** In-process parents for dev:local and tests; same contract as the Prisma adapter. */
export class MemoryParentsRepository extends ParentsRepository {
  private readonly parents = new Map<string, ParentAccount>();

  async create(parent: NewParent): Promise<ParentAccount> {
    if ([...this.parents.values()].some((p) => p.tenantId === parent.tenantId && p.emailKey === parent.emailKey))
      throw new EmailTakenError();
    const stored: ParentAccount = { ...parent, status: 'pending_consent', consentVerifiedAt: null, createdAt: new Date().toISOString() };
    this.parents.set(parent.id, stored);
    return { ...stored };
  }

  async findByEmail(tenantId: string, emailKey: string): Promise<ParentAccount | null> {
    const found = [...this.parents.values()].find((p) => p.tenantId === tenantId && p.emailKey === emailKey);
    return found ? { ...found } : null;
  }

  async findById(tenantId: string, id: string): Promise<ParentAccount | null> {
    const found = this.parents.get(id);
    return found && found.tenantId === tenantId ? { ...found } : null;
  }

  async activate(tenantId: string, id: string, at: Date): Promise<ParentAccount | null> {
    const found = this.parents.get(id);
    if (!found || found.tenantId !== tenantId) return null;
    found.status = 'active';
    found.consentVerifiedAt ??= at.toISOString();
    return { ...found };
  }
}
