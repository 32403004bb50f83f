import type { AuditEntry, AuditFilter, NewAuditEntry } from './audit-entry';

/** Port: the append-only moderation audit. Adapters: memory, Postgres (plain SQL); one contract suite. */
export abstract class AuditRepository {
  /** Appends one entry (joining the caller's transaction when there is one). */
  abstract append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** The newest `limit` entries, newest first; only those of the filter's target type and id when given. */
  abstract list(limit: number, filter?: AuditFilter): Promise<AuditEntry[]>;
  /** Runs `fn` as one unit of work: its store writes and its audit entry commit together (a transaction with Postgres). */
  abstract atomically<T>(fn: () => Promise<T>): Promise<T>;
}
