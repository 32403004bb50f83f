import type { FiredRule, MediaTranscodedPayload } from '@mikasmissions/contracts-events';
import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import type { TrustLevel } from '../../rules/moderation-rules';
import type { DecideOutcome, NewReview, Review, ReviewDecisionChange, ReviewStatus } from '../review';
import { ReviewsRepository } from '../reviews.repository';

interface Row {
  asset_id: string;
  tenant_id: string;
  episode_id: string;
  creator_id: string;
  status: ReviewStatus;
  rules: FiredRule[];
  reason: string | null;
  language: string;
  trust: TrustLevel;
  asset: MediaTranscodedPayload;
  decided_by: string | null;
  decision_note: string | null;
  created_at: Date;
  decided_at: Date | null;
}

const COLUMNS =
  'asset_id, tenant_id, episode_id, creator_id, status, rules, reason, language, trust, asset, decided_by, decision_note, created_at, decided_at';

const toReview = (row: Row): Review => ({
  assetId: row.asset_id,
  tenantId: row.tenant_id,
  episodeId: row.episode_id,
  creatorId: row.creator_id,
  status: row.status,
  rules: row.rules,
  reason: row.reason,
  language: row.language,
  trust: row.trust,
  asset: row.asset,
  decidedBy: row.decided_by,
  decisionNote: row.decision_note,
  createdAt: new Date(row.created_at).toISOString(),
  decidedAt: row.decided_at ? new Date(row.decided_at).toISOString() : null,
});

/** Postgres reviews in the service's schema (table `reviews`), plain SQL joining the caller's transaction. */
export class PostgresReviewsRepository extends ReviewsRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."reviews"`;
  }

  async record(r: NewReview): Promise<{ created: boolean; review: Review }> {
    const [row] = await this.sql.client().query<Row>(
      `INSERT INTO ${this.table} (asset_id, tenant_id, episode_id, creator_id, status, rules, reason, language, trust, asset, decided_by, decided_at)
       VALUES ($1, $2, $3, $4, $5::varchar, $6::jsonb, $7, $8, $9, $10::jsonb, $11, CASE WHEN $5::varchar = 'queued' THEN NULL ELSE now() END)
       ON CONFLICT (asset_id) DO NOTHING RETURNING ${COLUMNS}`,
      [
        r.assetId,
        r.tenantId,
        r.asset.episodeId,
        r.asset.creatorId,
        r.status,
        JSON.stringify(r.rules),
        r.reason,
        r.language,
        r.trust,
        JSON.stringify(r.asset),
        r.decidedBy,
      ],
    );
    if (row) return { created: true, review: toReview(row) };
    return { created: false, review: (await this.find(r.assetId))! };
  }

  async find(assetId: string): Promise<Review | null> {
    const [row] = await this.sql.client().query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE asset_id = $1`, [assetId]);
    return row ? toReview(row) : null;
  }

  async listQueued(limit: number): Promise<Review[]> {
    const rows = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE status = 'queued' ORDER BY created_at, asset_id LIMIT $1`, [limit]);
    return rows.map(toReview);
  }

  async decide(assetId: string, change: ReviewDecisionChange): Promise<DecideOutcome> {
    return this.sql.run(async () => {
      const [locked] = await this.sql.client().query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE asset_id = $1 FOR UPDATE`, [assetId]);
      if (!locked) return { kind: 'missing' };
      if (locked.status !== 'queued') return { kind: 'conflict', status: locked.status };
      const [row] = await this.sql.client().query<Row>(
        `UPDATE ${this.table} SET status = $2, decided_by = $3, decided_at = now(), decision_note = $4, reason = COALESCE($5, reason)
         WHERE asset_id = $1 AND status = 'queued' RETURNING ${COLUMNS}`,
        [assetId, change.to, change.by, change.note ?? null, change.reason ?? null],
      );
      return { kind: 'decided', before: toReview(locked), review: toReview(row) };
    });
  }
}
