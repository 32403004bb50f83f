import type { Schema } from '@mikasmissions/contracts-api';

/** One audit entry as stored and returned (the contract's `AdminAuditEntry`, with typed snapshots). */
export type AuditEntry = Omit<Schema<'AdminAuditEntry'>, 'before' | 'after'> & {
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** What an admin action records: the entry without its id and time. */
export type NewAuditEntry = Omit<AuditEntry, 'audit_id' | 'occurred_at'>;
