/**
 * One audit entry as stored and returned (the shape of the contract's `AdminAuditEntry` and
 * `ModerationAuditEntry`): who did what to which target, with the target before and after.
 * `Action` and `Target` narrow the strings a service records.
 */
export interface AuditEntry<Action extends string = string, Target extends string = string> {
  audit_id: string;
  /** The verified subject of the caller, or a system actor such as `policy`. */
  actor: string;
  actor_role: string;
  action: Action;
  target_type: Target;
  target_id: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  occurred_at: string;
}

/** What an action records: the entry without its id and time. */
export type NewAuditEntry<Action extends string = string, Target extends string = string> = Omit<
  AuditEntry<Action, Target>,
  'audit_id' | 'occurred_at'
>;

/** Which entries a listing returns: all, or those of one target type and/or id. */
export interface AuditFilter<Target extends string = string> {
  targetType?: Target;
  targetId?: string;
}
