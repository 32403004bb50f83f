import type { AuditEntry as StoredAuditEntry } from '@mikasmissions/audit';
import type { Schema } from '@mikasmissions/contracts-api';

/** The admin actions the audit records (the contract's `AdminAuditEntry.action`). */
export type AdminAction = Schema<'AdminAuditEntry'>['action'];

/** What an admin action is about (`AdminAuditEntry.target_type`). */
export type AdminTarget = Schema<'AdminAuditEntry'>['target_type'];

/** One audit entry as stored (libs/audit) and returned (the contract's `AdminAuditEntry`, with typed snapshots). */
export type AuditEntry = StoredAuditEntry<AdminAction, AdminTarget>;

/** What an admin action records: the entry without its id and time. */
export type NewAuditEntry = Omit<AuditEntry, 'audit_id' | 'occurred_at'>;
