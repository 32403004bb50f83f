import type { NewTrust, StoredTrust, TrustChange } from '../creator-trust';
import { CreatorTrustRepository } from '../creator-trust.repository';

/** In-process trust levels for dev:local; same contract as the Postgres adapter. */
export class MemoryCreatorTrustRepository extends CreatorTrustRepository {
  private readonly rows = new Map<string, StoredTrust>();

  async find(tenantId: string, creatorId: string): Promise<StoredTrust | null> {
    const row = this.rows.get(JSON.stringify([tenantId, creatorId]));
    return row ? { ...row } : null;
  }

  async set(trust: NewTrust): Promise<TrustChange> {
    const key = JSON.stringify([trust.tenantId, trust.creatorId]);
    const before = this.rows.get(key) ?? null;
    const after: StoredTrust = { ...trust, updatedAt: new Date().toISOString() };
    this.rows.set(key, after);
    return { before: before && { ...before }, after: { ...after } };
  }
}
