import type { ChildHistory, RecordOutcome, WatchRecord } from './watch-progress';

/**
 * Port: the child's watch events (deduplicated by child, episode and event time), resume
 * points and the per-local-day ledger. Adapters: memory, Postgres (plain SQL, joins the
 * request's transaction, row-level security by the acting parent).
 */
export abstract class ProgressRepository {
  /**
   * Applies one event atomically: a (child, episode, event time) already recorded changes
   * nothing and comes back `duplicate`; otherwise the resume point advances ({@link advance})
   * and the watched time and any completion are added to the event's local day.
   */
  abstract record(record: WatchRecord): Promise<RecordOutcome>;
  /** The child's counts, newest episode and ledger. */
  abstract history(childProfileId: string): Promise<ChildHistory>;
  /** The ledger's watched milliseconds of one local day (0 when none). */
  abstract watchedOn(childProfileId: string, localDate: string): Promise<number>;
  /** Removes every event, resume point and ledger day of the child in the tenant (as the service); returns whether there was any. */
  abstract erase(tenantId: string, childProfileId: string): Promise<boolean>;
}
