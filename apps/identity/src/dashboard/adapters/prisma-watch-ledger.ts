import type { IdentityPrisma, IdentityTransactionHost } from '../../infra/identity-prisma.service';
import { WatchLedger, type ChildTotals, type LedgerEntry } from '../watch-ledger';

const asDate = (day: string) => new Date(`${day}T00:00:00.000Z`);

/** The ledger in `identity.dashboard_watch_days` (one row per tenant, child and UTC day); writes join the current transaction. */
export class PrismaWatchLedger extends WatchLedger {
  constructor(
    private readonly prisma: IdentityPrisma,
    private readonly txHost?: IdentityTransactionHost,
  ) {
    super();
  }

  private get db() {
    return this.txHost ? this.txHost.tx : this.prisma;
  }

  async add(entry: LedgerEntry): Promise<void> {
    await this.db.dashboardWatchDay.upsert({
      where: { tenantId_childProfileId_day: { tenantId: entry.tenantId, childProfileId: entry.childProfileId, day: asDate(entry.day) } },
      create: { tenantId: entry.tenantId, childProfileId: entry.childProfileId, day: asDate(entry.day), parentUserId: entry.parentUserId, watchedMs: entry.watchedMs, learningEvents: entry.learningEvents },
      update: { ...(entry.parentUserId ? { parentUserId: entry.parentUserId } : {}), watchedMs: { increment: entry.watchedMs }, learningEvents: { increment: entry.learningEvents }, updatedAt: new Date() },
    });
  }

  async totals(tenantId: string, childProfileIds: readonly string[], fromDay: string, toDay: string): Promise<ChildTotals[]> {
    if (childProfileIds.length === 0) return [];
    const rows = await this.db.dashboardWatchDay.groupBy({
      by: ['childProfileId'],
      where: { tenantId, childProfileId: { in: [...childProfileIds] }, day: { gte: asDate(fromDay), lte: asDate(toDay) } },
      _sum: { watchedMs: true, learningEvents: true },
      orderBy: { childProfileId: 'asc' },
    });
    return rows.map((r) => ({ childProfileId: r.childProfileId, watchedMs: Number(r._sum.watchedMs ?? 0), learningEvents: r._sum.learningEvents ?? 0 }));
  }
}
