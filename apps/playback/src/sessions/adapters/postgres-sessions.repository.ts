import type { SessionCapReason } from '@mikasmissions/contracts-events';
import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import type { NewSession, Session } from '../session';
import { sessionRowScope, type SessionScope } from '../session-scope';
import { SessionsRepository } from '../sessions.repository';

type Row = {
  id: string;
  tenant_id: string;
  child_profile_id: string;
  parent_user_id: string;
  episode_id: string;
  device_type: string;
  media_key: string;
  limit_minutes: number;
  used_at_start: number;
  minutes_watched: number;
  started_at: Date;
  last_heartbeat_at: Date | null;
  ended_at: Date | null;
  end_reason: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS =
  'id::text, tenant_id, child_profile_id, parent_user_id, episode_id, device_type, media_key, limit_minutes, used_at_start, minutes_watched, started_at, last_heartbeat_at, ended_at, end_reason';
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const toSession = (row: Row): Session => ({
  id: row.id,
  tenantId: row.tenant_id,
  childProfileId: row.child_profile_id,
  parentUserId: row.parent_user_id,
  episodeId: row.episode_id,
  deviceType: row.device_type,
  mediaKey: row.media_key,
  limitMinutes: row.limit_minutes,
  usedAtStart: row.used_at_start,
  minutesWatched: row.minutes_watched,
  startedAt: new Date(row.started_at).toISOString(),
  lastHeartbeatAt: iso(row.last_heartbeat_at),
  endedAt: iso(row.ended_at),
  endReason: row.end_reason as SessionCapReason | null,
});

/**
 * Postgres store in the service's schema (table `sessions`, created by
 * `prisma/playback/migrations`), plain SQL through {@link SqlTransactions}: a write joins the
 * caller's transaction (the outbox's unit of work) when there is one. Every statement runs under
 * row-level security ({@link SqlTransactions.runScoped}, role `playback_family`): `create` as the
 * session's own parent, the others as `scope()` (the acting parent, or the service), so a
 * session of another family is invisible (`find` → `null`).
 */
export class PostgresSessionsRepository extends SessionsRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
    private readonly scope: () => SessionScope,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."sessions"`;
  }

  async create(s: NewSession): Promise<Session> {
    const owner = sessionRowScope({ tenantId: s.tenantId, parentUserId: s.parentUserId });
    const [row] = await this.scoped(owner, () =>
      this.sql.client().query<Row>(
        `INSERT INTO ${this.table} (id, tenant_id, child_profile_id, parent_user_id, episode_id, device_type, media_key, limit_minutes, used_at_start, started_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${COLUMNS}`,
        [
          uuidv7(),
          s.tenantId,
          s.childProfileId,
          s.parentUserId,
          s.episodeId,
          s.deviceType,
          s.mediaKey,
          s.limitMinutes,
          s.usedAtStart,
          s.startedAt,
        ],
      ),
    );
    return toSession(row);
  }

  async find(id: string): Promise<Session | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.scoped(null, () => this.sql.client().query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1`, [id]));
    return row ? toSession(row) : null;
  }

  async heartbeat(id: string, at: Date, minutesWatched: number): Promise<Session | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.scoped(null, () =>
      this.sql
        .client()
        .query<Row>(
          `UPDATE ${this.table} SET last_heartbeat_at = $2, minutes_watched = GREATEST(minutes_watched, $3) WHERE id = $1 RETURNING ${COLUMNS}`,
          [id, at, minutesWatched],
        ),
    );
    return row ? toSession(row) : null;
  }

  async end(id: string, at: Date, reason: SessionCapReason): Promise<boolean> {
    if (!UUID.test(id)) return false;
    const rows = await this.scoped(null, () =>
      this.sql
        .client()
        .query<{ id: string }>(
          `UPDATE ${this.table} SET ended_at = $2, end_reason = $3 WHERE id = $1 AND ended_at IS NULL RETURNING id::text`,
          [id, at, reason],
        ),
    );
    return rows.length === 1;
  }

  async eraseChild(tenantId: string, childProfileId: string): Promise<number> {
    const rows = await this.scoped(sessionRowScope({ tenantId, service: true }), () =>
      this.sql.client().query<{ id: string }>(`DELETE FROM ${this.table} WHERE child_profile_id = $1 RETURNING id::text`, [childProfileId]),
    );
    return rows.length;
  }

  private scoped<T>(scope: ReturnType<typeof sessionRowScope> | null, fn: () => Promise<T>): Promise<T> {
    return this.sql.runScoped(scope ?? sessionRowScope(this.scope()), fn);
  }
}
