import type { AuditEntry, AuditFilter, NewAuditEntry } from '../audit-entry';

/**
 * Port: the append-only audit. Adapters: {@link MemoryAuditRepository} (dev:local) and
 * {@link PostgresAuditRepository} (table `audit_entries` of the service's schema); one contract
 * suite runs against both.
 *
 * @example
 * await audit.atomically(async () => {
 *   await things.save(thing);
 *   await audit.append({ actor, actor_role: 'admin', action: 'thing.saved', target_type: 'thing', target_id: thing.id, before: null, after: thing });
 * });
 */
export abstract class AuditRepository<Action extends string = string, Target extends string = string> {
  /** Appends one entry (joining the caller's transaction when there is one). */
  abstract append(entry: NewAuditEntry<Action, Target>): Promise<AuditEntry<Action, Target>>;
  /** The newest `limit` entries, newest first; only those matching the filter when given. */
  abstract list(limit: number, filter?: AuditFilter<Target>): Promise<AuditEntry<Action, Target>[]>;
  /** Runs `fn` as one unit of work: its store writes and its audit entry commit together (a transaction with Postgres). */
  abstract atomically<T>(fn: () => Promise<T>): Promise<T>;
}
