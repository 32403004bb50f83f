import { Injectable } from '@nestjs/common';
import type { ResponseBody } from '@mikasmissions/contracts-api';
import type { ProgressUpdatedPayload } from '@mikasmissions/contracts-events';
import { RequestContext } from '@mikasmissions/context';
import type { EventEnvelope } from '@mikasmissions/messaging';
import { IdentityScope } from '@mikasmissions/service-identity';
import { ChildLookup } from '../family-scope/child-lookup';
import { ParentNotFoundError } from '../parents/parents.errors';
import { ParentsRepository } from '../parents/parents.repository';
import { ChildDirectory } from './child-directory';
import { WatchLedger } from './watch-ledger';

/** Days the weekly figures cover: today (UTC) and the six before. */
export const WEEK_DAYS = 7;
const DAY_MS = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The parent dashboard: weekly watch time and learning events per child, from the ledger that
 * `progress.updated` feeds, over the children the profile service lists for the parent.
 */
@Injectable()
export class DashboardService {
  constructor(
    private readonly ledger: WatchLedger,
    private readonly directory: ChildDirectory,
    private readonly parents: ParentsRepository,
    private readonly scope: IdentityScope,
    private readonly ctx: RequestContext,
    private readonly children: ChildLookup,
  ) {}

  /** The dashboard of `parentUserId`; 403 `parent_mismatch`, 404 `parent_not_found`, 503 `service_unavailable` (profile down). */
  async dashboard(parentUserId: string): Promise<ResponseBody<'parentDashboard', 200>> {
    await this.scope.check({ parentUserId });
    const tenantId = this.ctx.tenantId;
    if (!(await this.parents.findById(tenantId, parentUserId))) throw new ParentNotFoundError();
    const children = await this.directory.childrenOf(parentUserId);
    const now = Date.now();
    const totals = await this.ledger.totals(
      { tenantId, parentUserId },
      children.map((c) => c.childProfileId),
      utcDay(now - (WEEK_DAYS - 1) * DAY_MS),
      utcDay(now),
    );
    const byChild = new Map(totals.map((t) => [t.childProfileId, t]));
    const rows = children.map((c) => ({
      child_profile_id: c.childProfileId,
      display_name: c.displayName,
      weekly_watch_ms: byChild.get(c.childProfileId)?.watchedMs ?? 0,
      weekly_learning_events: byChild.get(c.childProfileId)?.learningEvents ?? 0,
    }));
    return {
      parent_user_id: parentUserId,
      child_profiles: children.length,
      weekly_watch_ms: rows.reduce((sum, r) => sum + r.weekly_watch_ms, 0),
      weekly_learning_events: rows.reduce((sum, r) => sum + r.weekly_learning_events, 0),
      children: rows,
    };
  }

  /**
   * Adds one `progress.updated` to its child's day (UTC day of `eventTime`, else of the event):
   * `watchedMs` and one learning event per learning tag. Updates without either change nothing.
   * An event without `parentUserId` gets the child's parent from profile (the row's owner under
   * row-level security); profile down → stored without, the ledger then asks the controls.
   */
  async record(event: EventEnvelope<ProgressUpdatedPayload>): Promise<void> {
    const p = event.payload;
    const watchedMs = p.watchedMs ?? 0;
    const learningEvents = p.learningTags?.length ?? 0;
    if (watchedMs === 0 && learningEvents === 0) return;
    const day = utcDay(Date.parse(p.eventTime ?? event.occurredAt));
    const parentUserId = p.parentUserId ?? (await this.parentOf(p.childId));
    await this.ledger.add({ tenantId: event.tenantId, parentUserId, childProfileId: p.childId, day, watchedMs, learningEvents });
  }

  private async parentOf(childProfileId: string): Promise<string | null> {
    try {
      return (await this.children.lookup(childProfileId))?.parentUserId ?? null;
    } catch {
      return null;
    }
  }
}
