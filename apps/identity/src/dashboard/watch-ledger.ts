import type { FamilyScope } from '../family-scope/family-scope';

/** One addition to a child's day: watch time and learning events. */
export interface LedgerEntry {
  tenantId: string;
  /** The child's parent as the event named it (it owns the row under row-level security; `null`: the child's controls tell). */
  parentUserId: string | null;
  childProfileId: string;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
  watchedMs: number;
  learningEvents: number;
}

/** A child's sums over a range of days. */
export interface ChildTotals {
  childProfileId: string;
  watchedMs: number;
  learningEvents: number;
}

/**
 * Port: the dashboard's per-child per-day ledger, fed by `progress.updated`. Adapters: memory,
 * Postgres (plain SQL under row-level security; the consumer's writes join its inbox
 * transaction, so a redelivered event is counted once).
 */
export abstract class WatchLedger {
  /** Adds the entry's figures to its child's day. */
  abstract add(entry: LedgerEntry): Promise<void>;
  /** Per child of `childProfileIds` the scope may see, the sums of the days `fromDay`…`toDay` (inclusive); children without entries are left out. */
  abstract totals(scope: FamilyScope, childProfileIds: readonly string[], fromDay: string, toDay: string): Promise<ChildTotals[]>;
  /** Deletes every day of the child in the tenant (erasure, as the service); returns how many there were. */
  abstract eraseChild(tenantId: string, childProfileId: string): Promise<number>;
}
