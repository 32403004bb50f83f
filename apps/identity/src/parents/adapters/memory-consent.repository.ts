import type { ConsentRecord, ConsentRequestRecord, NewConsentRequest } from '../parent';
import { ConsentRepository } from '../consent.repository';

/** In-process consent requests and records for dev:local and tests; same contract as the Prisma adapter. */
export class MemoryConsentRepository extends ConsentRepository {
  private readonly requests = new Map<string, ConsentRequestRecord>();
  private readonly records = new Map<string, ConsentRecord>();

  async createRequest(request: NewConsentRequest): Promise<ConsentRequestRecord> {
    const stored: ConsentRequestRecord = { ...request, attempts: 0, consumedAt: null, createdAt: new Date().toISOString() };
    this.requests.set(request.id, stored);
    return { ...stored };
  }

  async findRequest(tenantId: string, parentUserId: string, id: string): Promise<ConsentRequestRecord | null> {
    const found = this.requests.get(id);
    return found && found.tenantId === tenantId && found.parentUserId === parentUserId ? { ...found } : null;
  }

  async latestOpen(tenantId: string, parentUserId: string): Promise<ConsentRequestRecord | null> {
    const open = [...this.requests.values()].filter(
      (r) => r.tenantId === tenantId && r.parentUserId === parentUserId && r.consumedAt === null,
    );
    const latest = open.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0];
    return latest ? { ...latest } : null;
  }

  async recordAttempt(tenantId: string, id: string): Promise<number | null> {
    const found = this.requests.get(id);
    if (!found || found.tenantId !== tenantId || found.consumedAt !== null || found.attempts >= found.maxAttempts) return null;
    found.attempts += 1;
    return found.attempts;
  }

  async consume(request: ConsentRequestRecord, consent: { id: string; verifiedAt: Date }): Promise<ConsentRecord | null> {
    const found = this.requests.get(request.id);
    if (!found || found.tenantId !== request.tenantId || found.consumedAt !== null) return null;
    found.consumedAt = consent.verifiedAt.toISOString();
    const record: ConsentRecord = {
      id: consent.id,
      tenantId: found.tenantId,
      parentUserId: found.parentUserId,
      consentRequestId: found.id,
      method: found.method,
      verifiedAt: consent.verifiedAt.toISOString(),
    };
    this.records.set(record.id, record);
    return { ...record };
  }
}
