import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import type { DigestItem, DueDigest } from '../digest';
import { DigestRepository } from '../digest.repository';

type GroupRow = { tenant_id: string; parent_user_id: string; local_day: string; episodes: Array<{ episodeId: string; title: string }> };

/**
 * Postgres digest store (`digest_items` of the service's schema): the primary key
 * (tenant, parent, day, episode) makes `addMany` idempotent; `due` groups the open items of closed
 * days per parent and day.
 */
export class PostgresDigestRepository extends DigestRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."digest_items"`;
  }

  async addMany(items: readonly DigestItem[]): Promise<void> {
    if (items.length === 0) return;
    const column = <T>(pick: (item: DigestItem) => T) => items.map(pick);
    await this.sql.client().query(
      `INSERT INTO ${this.table} (tenant_id, parent_user_id, local_day, episode_id, title, closes_at)
       SELECT t, p, d, e, ti, c FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::timestamptz[]) WITH ORDINALITY AS x(t, p, d, e, ti, c, n)
       ORDER BY n ON CONFLICT DO NOTHING`,
      [
        column((i) => i.tenantId),
        column((i) => i.parentUserId),
        column((i) => i.localDay),
        column((i) => i.episodeId),
        column((i) => i.title.slice(0, 300)),
        column((i) => i.closesAt),
      ],
    );
  }

  async due(now: Date, limit: number): Promise<DueDigest[]> {
    const rows = await this.sql.client().query<GroupRow>(
      `SELECT tenant_id, parent_user_id, to_char(local_day, 'YYYY-MM-DD') AS local_day,
              json_agg(json_build_object('episodeId', episode_id, 'title', title) ORDER BY seq) AS episodes
       FROM ${this.table} WHERE flushed_at IS NULL AND closes_at <= $1
       GROUP BY tenant_id, parent_user_id, local_day ORDER BY min(closes_at), parent_user_id LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, parentUserId: r.parent_user_id, localDay: r.local_day, episodes: r.episodes }));
  }

  async markFlushed(tenantId: string, parentUserId: string, localDay: string, at: Date): Promise<void> {
    await this.sql
      .client()
      .query(
        `UPDATE ${this.table} SET flushed_at = $4 WHERE tenant_id = $1 AND parent_user_id = $2 AND local_day = $3::date AND flushed_at IS NULL`,
        [tenantId, parentUserId, localDay, at],
      );
  }
}
