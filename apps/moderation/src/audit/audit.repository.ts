import type { AuditEntry, NewAuditEntry } from './audit-entry';

/** Port: the append-only moderation audit. Adapters: memory, Postgres (plain SQL); one contract suite. */
export abstract class AuditRepository {
  /** Appends one entry (joining the caller's transaction when there is one). */
  abstract append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** The newest `limit` entries, newest first; only those of `targetId` when given. */
  abstract list(limit: number, targetId?: string): Promise<AuditEntry[]>;
}
