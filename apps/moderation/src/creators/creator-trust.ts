import type { TrustLevel } from '../rules/moderation-rules';

/** A trust level an admin set for a creator in one tenant. */
export interface StoredTrust {
  tenantId: string;
  creatorId: string;
  level: TrustLevel;
  /** The admin's verified subject. */
  updatedBy: string;
  updatedAt: string;
}

/** What `PUT …/creators/{creator_id}` stores. */
export type NewTrust = Omit<StoredTrust, 'updatedAt'>;

/** The stored level before a change (null: none yet) and after it. */
export interface TrustChange {
  before: StoredTrust | null;
  after: StoredTrust;
}
