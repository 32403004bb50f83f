import type { TrustLevel } from '../rules/moderation-rules';
import type { StoredTrust } from './creator-trust';

/** A creator's trust as the contract's `ModerationCreatorTrust` shows it. */
export interface CreatorTrustView {
  creator_id: string;
  trust_level: TrustLevel;
  source: 'admin' | 'config';
  updated_by: string | null;
  updated_at: string | null;
}

/** An admin's stored level. */
export const storedView = (trust: StoredTrust): CreatorTrustView => ({
  creator_id: trust.creatorId,
  trust_level: trust.level,
  source: 'admin',
  updated_by: trust.updatedBy,
  updated_at: trust.updatedAt,
});

/** The configured level of a creator no admin has set. */
export const configView = (creatorId: string, level: TrustLevel): CreatorTrustView => ({
  creator_id: creatorId,
  trust_level: level,
  source: 'config',
  updated_by: null,
  updated_at: null,
});
