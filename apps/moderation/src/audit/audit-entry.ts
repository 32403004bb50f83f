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

/** One audit entry as stored and returned (the contract's `ModerationAuditEntry`). */
export interface AuditEntry {
  audit_id: string;
  /** `policy` for an automatic decision, else the admin's verified subject. */
  actor: string;
  actor_role: string;
  action: ModerationAction;
  target_type: AuditTarget;
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  occurred_at: string;
}

/** What a decision records: the entry without its id and time. */
export type NewAuditEntry = Omit<AuditEntry, 'audit_id' | 'occurred_at'>;

/** Which entries a listing returns: all, or those of one target. */
export interface AuditFilter {
  targetType?: AuditTarget;
  targetId?: string;
}
