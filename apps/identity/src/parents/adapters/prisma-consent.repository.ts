import type { Prisma } from '../../generated/prisma/client';
import type { IdentityPrisma, IdentityTransactionHost } from '../../infra/identity-prisma.service';
import { ConsentRepository } from '../consent.repository';
import type { ConsentMethod, ConsentRecord, ConsentRequestRecord, NewConsentRequest } from '../parent';

type RequestRow = Prisma.ConsentRequestGetPayload<object>;

const toRequest = (row: RequestRow): ConsentRequestRecord => ({
  id: row.id,
  tenantId: row.tenantId,
  parentUserId: row.parentUserId,
  method: row.method as ConsentMethod,
  codeHash: row.codeHash,
  attempts: row.attempts,
  maxAttempts: row.maxAttempts,
  expiresAt: row.expiresAt.toISOString(),
  consumedAt: row.consumedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** Consent requests and records in `identity.consent_requests` / `consent_records`; writes join the current transaction. */
export class PrismaConsentRepository extends ConsentRepository {
  constructor(
    private readonly prisma: IdentityPrisma,
    private readonly txHost?: IdentityTransactionHost,
  ) {
    super();
  }

  private get db() {
    return this.txHost ? this.txHost.tx : this.prisma;
  }

  async createRequest(request: NewConsentRequest): Promise<ConsentRequestRecord> {
    return toRequest(await this.db.consentRequest.create({ data: { ...request, expiresAt: new Date(request.expiresAt) } }));
  }

  async findRequest(tenantId: string, parentUserId: string, id: string): Promise<ConsentRequestRecord | null> {
    const row = await this.db.consentRequest.findFirst({ where: { id, tenantId, parentUserId } });
    return row ? toRequest(row) : null;
  }

  async latestOpen(tenantId: string, parentUserId: string): Promise<ConsentRequestRecord | null> {
    const row = await this.db.consentRequest.findFirst({
      where: { tenantId, parentUserId, consumedAt: null },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    return row ? toRequest(row) : null;
  }

  async recordAttempt(tenantId: string, id: string): Promise<number | null> {
    const rows = await this.db.$queryRaw<Array<{ attempts: number }>>`
      UPDATE "identity"."consent_requests" SET "attempts" = "attempts" + 1
      WHERE "id" = ${id} AND "tenant_id" = ${tenantId} AND "consumed_at" IS NULL AND "attempts" < "max_attempts"
      RETURNING "attempts"`;
    return rows.length === 0 ? null : Number(rows[0].attempts);
  }

  async consume(request: ConsentRequestRecord, consent: { id: string; verifiedAt: Date }): Promise<ConsentRecord | null> {
    const { count } = await this.db.consentRequest.updateMany({
      where: { id: request.id, tenantId: request.tenantId, consumedAt: null },
      data: { consumedAt: consent.verifiedAt },
    });
    if (count === 0) return null;
    const row = await this.db.consentRecord.create({
      data: {
        id: consent.id,
        tenantId: request.tenantId,
        parentUserId: request.parentUserId,
        consentRequestId: request.id,
        method: request.method,
        verifiedAt: consent.verifiedAt,
      },
    });
    return { ...row, method: row.method as ConsentMethod, verifiedAt: row.verifiedAt.toISOString() };
  }
}
