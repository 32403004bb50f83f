import type { ConsentRecord, ConsentRequestRecord, NewConsentRequest } from './parent';

/** Port: verifiable-consent requests and the consents they became. Adapters: memory, Prisma (Postgres). */
export abstract class ConsentRepository {
  /** Stores an open request. */
  abstract createRequest(request: NewConsentRequest): Promise<ConsentRequestRecord>;
  /** The request with this id of this parent in the tenant (open, used or expired), or null. */
  abstract findRequest(tenantId: string, parentUserId: string, id: string): Promise<ConsentRequestRecord | null>;
  /** The parent's newest request that is not used yet (it may have expired), or null. */
  abstract latestOpen(tenantId: string, parentUserId: string): Promise<ConsentRequestRecord | null>;
  /**
   * Counts one attempt, atomically: the attempts used so far (1…maxAttempts), or null when the
   * request is used or has no attempts left.
   */
  abstract recordAttempt(tenantId: string, id: string): Promise<number | null>;
  /** Marks the request used and stores its consent, atomically; null when it was already used (a race). */
  abstract consume(request: ConsentRequestRecord, consent: { id: string; verifiedAt: Date }): Promise<ConsentRecord | null>;
}
