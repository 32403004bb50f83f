import type { NewParent, ParentAccount } from './parent';

/** Port: parent accounts, unique per tenant by `emailKey`. Adapters: memory, Prisma (Postgres). */
export abstract class ParentsRepository {
  /** Stores a new parent as `pending_consent`; an `emailKey` taken in the tenant throws `EmailTakenError`. */
  abstract create(parent: NewParent): Promise<ParentAccount>;
  /** The parent with this lower-cased email in the tenant, or null. */
  abstract findByEmail(tenantId: string, emailKey: string): Promise<ParentAccount | null>;
  /** The parent with this id in the tenant, or null. */
  abstract findById(tenantId: string, id: string): Promise<ParentAccount | null>;
  /** Marks the parent `active`, keeping the first consent time; null when unknown. */
  abstract activate(tenantId: string, id: string, at: Date): Promise<ParentAccount | null>;
}
