import type { NewTrust, StoredTrust, TrustChange } from './creator-trust';

/** Port: creator trust levels set by admins, per tenant. Adapters: memory, Postgres; one contract suite. */
export abstract class CreatorTrustRepository {
  /** The level an admin set for the creator in the tenant, or null. */
  abstract find(tenantId: string, creatorId: string): Promise<StoredTrust | null>;
  /** Stores the level (replacing an earlier one) and returns it with the one it replaced; joins the caller's transaction. */
  abstract set(trust: NewTrust): Promise<TrustChange>;
}
