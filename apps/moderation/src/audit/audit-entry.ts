import type { AuditEntry as StoredAuditEntry, AuditFilter as StoredAuditFilter } from '@mikasmissions/audit';

/** The moderation actions the audit records. */
export type ModerationAction =
  | 'moderation.auto_approved'
  | 'moderation.auto_rejected'
  | 'moderation.queued'
  | 'moderation.approved'
  | 'moderation.rejected'
  | 'moderation.trust_changed';

/** What an entry is about: an asset's review, or a creator's trust level. */
export type AuditTarget = 'asset' | 'creator';

/** One audit entry as stored (libs/audit) and returned (the contract's `ModerationAuditEntry`). */
export type AuditEntry = StoredAuditEntry<ModerationAction, AuditTarget>;

/** What a decision records: the entry without its id and time. */
export type NewAuditEntry = Omit<AuditEntry, 'audit_id' | 'occurred_at'>;

/** Which entries a listing returns: all, or those of one target. */
export type AuditFilter = StoredAuditFilter<AuditTarget>;
