import type { AuditEntry, NewAuditEntry } from './audit-entry';

/** Port: the append-only admin audit. Adapters: memory, Postgres (plain SQL). */
export abstract class AuditRepository {
  /** Appends one entry (joining the caller's transaction when there is one). */
  abstract append(entry: NewAuditEntry): Promise<AuditEntry>;
  /** The newest `limit` entries, newest first. */
  abstract list(limit: number): Promise<AuditEntry[]>;
  /** Runs `fn` as one unit of work: its store writes and its audit entry commit together (a transaction with Postgres). */
  abstract atomically<T>(fn: () => Promise<T>): Promise<T>;
}
