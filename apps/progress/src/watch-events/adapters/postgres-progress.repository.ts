import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { familyRowScope, type FamilyRowScope } from '../family-row-scope';
import { ProgressRepository } from '../progress.repository';
import { advance, type ChildHistory, type RecordOutcome, type WatchRecord } from '../watch-progress';

type PositionRow = { position_ms: string; completed: boolean; last_event_time: Date };
type DayRow = { local_date: string; watched_ms: string; completions: number };
/** A new row's owner when the record names none: the scope's parent (empty under the service scope → NULL). */
const OWNER = `NULLIF(current_setting('mm.parent_user_id', true), '')`;
type CountRow = { started: number; completed: number; last_episode_id: string | null };

/**
 * Postgres store in the service's schema (tables `watch_events`, `episode_positions`,
 * `daily_usage` of `prisma/progress/migrations`), plain SQL through {@link SqlTransactions}:
 * `record` runs in the caller's transaction (the `@Publish` unit of the request) or its own.
 * The natural key is the primary key of `watch_events` (`INSERT … ON CONFLICT DO NOTHING`);
 * the resume point is locked (`FOR UPDATE`) while it advances, so concurrent events of one
 * episode are applied one after the other. Every statement runs under row-level security
 * ({@link SqlTransactions.runScoped}, role `progress_family`) as `scope()` (the acting parent, or
 * the service); new rows take the tenant from the scope and the owner from the record (else the
 * scope's parent).
 */
export class PostgresProgressRepository extends ProgressRepository {
  private readonly events: string;
  private readonly positions: string;
  private readonly days: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
    private readonly scope: () => FamilyRowScope,
  ) {
    super();
    const s = quoteSchema(schema);
    this.events = `${s}."watch_events"`;
    this.positions = `${s}."episode_positions"`;
    this.days = `${s}."daily_usage"`;
  }

  record(record: WatchRecord): Promise<RecordOutcome> {
    return this.scoped(async () => {
      const db = this.sql.client();
      const { childProfileId: child, episodeId: episode } = record;
      const owner = record.parentUserId ?? null;
      const inserted = await db.query(
        `INSERT INTO ${this.events} (child_profile_id, episode_id, event_time, watch_ms, local_date, history_paused, parent_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, COALESCE($7, ${OWNER})) ON CONFLICT DO NOTHING RETURNING 1 AS ok`,
        [child, episode, record.eventTime, record.watchMs, record.localDate, record.historyPaused, owner],
      );
      await db.query(
        `INSERT INTO ${this.positions} (child_profile_id, episode_id, position_ms, completed, last_event_time, parent_user_id)
         VALUES ($1, $2, 0, false, $3, COALESCE($4, ${OWNER})) ON CONFLICT DO NOTHING`,
        [child, episode, new Date(0), owner],
      );
      const [row] = await db.query<PositionRow>(
        `SELECT position_ms::text, completed, last_event_time FROM ${this.positions} WHERE child_profile_id = $1 AND episode_id = $2 FOR UPDATE`,
        [child, episode],
      );
      const previous = { positionMs: Number(row.position_ms), completed: row.completed, lastEventTime: new Date(row.last_event_time) };
      if (inserted.length === 0)
        return { duplicate: true, positionMs: previous.positionMs, completed: previous.completed, watchedMs: 0, newlyCompleted: false };
      const { next, outcome } = advance(previous, record);
      await db.query(
        `UPDATE ${this.positions} SET position_ms = $3, completed = $4, last_event_time = $5 WHERE child_profile_id = $1 AND episode_id = $2`,
        [child, episode, next.positionMs, next.completed, next.lastEventTime],
      );
      await db.query(`UPDATE ${this.events} SET watched_ms = $4 WHERE child_profile_id = $1 AND episode_id = $2 AND event_time = $3`, [
        child,
        episode,
        record.eventTime,
        outcome.watchedMs,
      ]);
      await db.query(
        `INSERT INTO ${this.days} (child_profile_id, local_date, watched_ms, completions, parent_user_id) VALUES ($1, $2, $3, $4, COALESCE($5, ${OWNER}))
         ON CONFLICT (child_profile_id, local_date) DO UPDATE SET watched_ms = ${this.days}.watched_ms + EXCLUDED.watched_ms, completions = ${this.days}.completions + EXCLUDED.completions`,
        [child, record.localDate, outcome.watchedMs, outcome.newlyCompleted ? 1 : 0, owner],
      );
      return outcome;
    });
  }

  history(childProfileId: string): Promise<ChildHistory> {
    return this.scoped(() => this.readHistory(childProfileId));
  }

  private async readHistory(childProfileId: string): Promise<ChildHistory> {
    const db = this.sql.client();
    const [counts] = await db.query<CountRow>(
      `SELECT count(*)::int AS started, count(*) FILTER (WHERE completed)::int AS completed,
              (SELECT episode_id FROM ${this.positions} WHERE child_profile_id = $1 ORDER BY last_event_time DESC, episode_id DESC LIMIT 1) AS last_episode_id
         FROM ${this.positions} WHERE child_profile_id = $1`,
      [childProfileId],
    );
    const days = await db.query<DayRow>(
      `SELECT to_char(local_date, 'YYYY-MM-DD') AS local_date, watched_ms::text, completions FROM ${this.days} WHERE child_profile_id = $1 ORDER BY local_date`,
      [childProfileId],
    );
    return {
      started: counts.started,
      completed: counts.completed,
      lastEpisodeId: counts.last_episode_id,
      days: days.map((d) => ({ localDate: d.local_date, watchedMs: Number(d.watched_ms), completions: d.completions })),
    };
  }

  async watchedOn(childProfileId: string, localDate: string): Promise<number> {
    const [row] = await this.scoped(() =>
      this.sql
        .client()
        .query<{ watched_ms: string }>(`SELECT watched_ms::text FROM ${this.days} WHERE child_profile_id = $1 AND local_date = $2`, [
          childProfileId,
          localDate,
        ]),
    );
    return row ? Number(row.watched_ms) : 0;
  }

  erase(tenantId: string, childProfileId: string): Promise<boolean> {
    return this.sql.runScoped(familyRowScope({ tenantId, service: true }), async () => {
      const db = this.sql.client();
      let removed = 0;
      for (const table of [this.events, this.positions, this.days]) {
        removed += (await db.query(`DELETE FROM ${table} WHERE child_profile_id = $1 RETURNING 1 AS ok`, [childProfileId])).length;
      }
      return removed > 0;
    });
  }

  private scoped<T>(fn: () => Promise<T>): Promise<T> {
    return this.sql.runScoped(familyRowScope(this.scope()), fn);
  }
}
