/** The moderation actions the audit records. */
export type ModerationAction =
  'moderation.auto_approved' | 'moderation.auto_rejected' | 'moderation.queued' | 'moderation.approved' | 'moderation.rejected';

/** One audit entry as stored and returned (the contract's `ModerationAuditEntry`). */
export interface AuditEntry {
  audit_id: string;
  /** `policy` for an automatic decision, else the admin's verified subject. */
  actor: string;
  actor_role: string;
  action: ModerationAction;
  target_type: 'asset';
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  occurred_at: string;
}

/** What a decision records: the entry without its id and time. */
export type NewAuditEntry = Omit<AuditEntry, 'audit_id' | 'occurred_at'>;
