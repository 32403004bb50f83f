import type { SqlTransactions } from '@mikasmissions/persistence';
import { rowScopeOf, type FamilyScope } from '../../family-scope/family-scope';
import { WatchLedger, type ChildTotals, type LedgerEntry } from '../watch-ledger';

const TABLE = `"identity"."dashboard_watch_days"`;

/**
 * The ledger in `identity.dashboard_watch_days` (one row per tenant, child and UTC day), plain
 * SQL through {@link SqlTransactions} under row-level security (role `identity_family`, policy
 * `family_scope`, migration `*_dashboard_row_security`): `add` and `eraseChild` run as the
 * service (the consumer), `totals` as the parent. A day whose event named no parent takes the
 * child's parent from its controls. Writes join the current (inbox) transaction.
 */
export class PostgresWatchLedger extends WatchLedger {
  constructor(private readonly sql: SqlTransactions) {
    super();
  }

  async add(entry: LedgerEntry): Promise<void> {
    await this.sql.runScoped(rowScopeOf({ tenantId: entry.tenantId, service: true }), () =>
      this.sql.client().query(
        `INSERT INTO ${TABLE} (tenant_id, child_profile_id, day, parent_user_id, watched_ms, learning_events, updated_at)
         VALUES ($1::varchar, $2::varchar, $3::date,
                 COALESCE($4::varchar, (SELECT c.parent_user_id FROM "identity"."child_controls" c WHERE c.tenant_id = $1::varchar AND c.child_profile_id = $2::varchar)),
                 $5::bigint, $6::int, now())
         ON CONFLICT (tenant_id, child_profile_id, day) DO UPDATE SET
           parent_user_id = COALESCE(EXCLUDED.parent_user_id, ${TABLE}.parent_user_id),
           watched_ms = ${TABLE}.watched_ms + EXCLUDED.watched_ms,
           learning_events = ${TABLE}.learning_events + EXCLUDED.learning_events,
           updated_at = now()`,
        [entry.tenantId, entry.childProfileId, entry.day, entry.parentUserId, entry.watchedMs, entry.learningEvents],
      ),
    );
  }

  async totals(scope: FamilyScope, childProfileIds: readonly string[], fromDay: string, toDay: string): Promise<ChildTotals[]> {
    if (childProfileIds.length === 0) return [];
    const rows = await this.sql.runScoped(rowScopeOf(scope), () =>
      this.sql.client().query<{ child_profile_id: string; watched_ms: string; learning_events: number }>(
        `SELECT child_profile_id, sum(watched_ms)::text AS watched_ms, sum(learning_events)::int AS learning_events FROM ${TABLE}
          WHERE tenant_id = $1 AND child_profile_id = ANY($2::text[]) AND day BETWEEN $3::date AND $4::date
          GROUP BY child_profile_id ORDER BY child_profile_id`,
        [scope.tenantId, [...childProfileIds], fromDay, toDay],
      ),
    );
    return rows.map((r) => ({ childProfileId: r.child_profile_id, watchedMs: Number(r.watched_ms), learningEvents: r.learning_events }));
  }

  async eraseChild(tenantId: string, childProfileId: string): Promise<number> {
    const rows = await this.sql.runScoped(rowScopeOf({ tenantId, service: true }), () =>
      this.sql
        .client()
        .query(`DELETE FROM ${TABLE} WHERE tenant_id = $1 AND child_profile_id = $2 RETURNING 1 AS ok`, [tenantId, childProfileId]),
    );
    return rows.length;
  }
}
