import { scopeAllows, type FamilyScope } from '../../family-scope/family-scope';
import { WatchLedger, type ChildTotals, type LedgerEntry } from '../watch-ledger';

/** In-process ledger for dev:local and tests; same contract as the Postgres adapter (its RLS policy copied with `scopeAllows`). */
export class MemoryWatchLedger extends WatchLedger {
  private readonly days = new Map<string, LedgerEntry>();

  async add(entry: LedgerEntry): Promise<void> {
    const key = `${entry.tenantId}\u0000${entry.childProfileId}\u0000${entry.day}`;
    const day = this.days.get(key) ?? { ...entry, watchedMs: 0, learningEvents: 0 };
    day.watchedMs += entry.watchedMs;
    day.learningEvents += entry.learningEvents;
    day.parentUserId = entry.parentUserId ?? day.parentUserId;
    this.days.set(key, day);
  }

  async totals(scope: FamilyScope, childProfileIds: readonly string[], fromDay: string, toDay: string): Promise<ChildTotals[]> {
    const wanted = new Set(childProfileIds);
    const sums = new Map<string, ChildTotals>();
    for (const d of this.days.values()) {
      if (!scopeAllows(scope, d.tenantId, d.parentUserId ?? '') || !wanted.has(d.childProfileId) || d.day < fromDay || d.day > toDay)
        continue;
      const sum = sums.get(d.childProfileId) ?? { childProfileId: d.childProfileId, watchedMs: 0, learningEvents: 0 };
      sum.watchedMs += d.watchedMs;
      sum.learningEvents += d.learningEvents;
      sums.set(d.childProfileId, sum);
    }
    return [...sums.values()].sort((a, b) => a.childProfileId.localeCompare(b.childProfileId));
  }

  async eraseChild(tenantId: string, childProfileId: string): Promise<number> {
    let removed = 0;
    for (const [key, d] of this.days) {
      if (d.tenantId !== tenantId || d.childProfileId !== childProfileId) continue;
      this.days.delete(key);
      removed += 1;
    }
    return removed;
  }
}
