import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import type { AgeBand, Asset, AssetStageReport, AssetStatus, NewAsset } from '../asset';
import { AssetsRepository } from '../assets.repository';
import { BEFORE_TRANSCODED, FINAL_STATUSES, mayMoveTo } from '../asset-status';

const STATUSES: AssetStatus[] = ['queued', 'ingested', 'transcoding', 'transcoded', 'published', 'rejected', 'failed'];
/** The statuses a report of `next` must not replace (later stages; finals are excluded separately). */
const laterThan = (next: AssetStatus): AssetStatus[] =>
  STATUSES.filter((current) => !FINAL_STATUSES.includes(current) && !mayMoveTo(current, next));

type Row = {
  id: string;
  tenant_id: string;
  status: AssetStatus;
  source_url: string;
  uploader_id: string;
  title: string | null;
  summary: string | null;
  show_id: string | null;
  age_band: AgeBand | null;
  learning_tags: string[];
  last_error_code: string | null;
  last_error_message: string | null;
  last_error_at: Date | null;
  progress_percent: number | null;
  created_at: Date;
  updated_at: Date;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS =
  'id::text, tenant_id, status, source_url, uploader_id, title, summary, show_id, age_band, learning_tags, last_error_code, last_error_message, last_error_at, progress_percent, created_at, updated_at';

const toAsset = (row: Row): Asset => ({
  id: row.id,
  tenantId: row.tenant_id,
  status: row.status,
  sourceUrl: row.source_url,
  uploaderId: row.uploader_id,
  ...(row.title === null ? {} : { title: row.title }),
  ...(row.summary === null ? {} : { summary: row.summary }),
  ...(row.show_id === null ? {} : { showId: row.show_id }),
  ...(row.age_band === null ? {} : { ageBand: row.age_band }),
  learningTags: row.learning_tags,
  lastError:
    row.last_error_code === null
      ? null
      : {
          code: row.last_error_code,
          message: row.last_error_message ?? '',
          at: new Date(row.last_error_at ?? row.updated_at).toISOString(),
        },
  ...(row.progress_percent === null ? {} : { progressPercent: row.progress_percent }),
  createdAt: new Date(row.created_at).toISOString(),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/**
 * Postgres store in the service's schema (table `assets`, created by
 * `prisma/creator-studio/migrations`), plain SQL through {@link SqlTransactions}: a write joins the
 * caller's transaction (the `@Publish` stage's) when there is one.
 */
export class PostgresAssetsRepository extends AssetsRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."assets"`;
  }

  async create(asset: NewAsset): Promise<Asset> {
    const [row] = await this.sql.client().query<Row>(
      `INSERT INTO ${this.table} (id, tenant_id, status, source_url, uploader_id, title, summary, show_id, age_band, learning_tags)
       VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
      [
        asset.id ?? uuidv7(),
        asset.tenantId,
        asset.sourceUrl,
        asset.uploaderId,
        asset.title ?? null,
        asset.summary ?? null,
        asset.showId ?? null,
        asset.ageBand ?? null,
        asset.learningTags,
      ],
    );
    return toAsset(row);
  }

  async find(tenantId: string, id: string): Promise<Asset | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? toAsset(row) : null;
  }

  async report(tenantId: string, id: string, report: AssetStageReport): Promise<Asset | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.sql.client().query<Row>(
      `UPDATE ${this.table} SET status = $3, updated_at = now(),
         last_error_code = COALESCE($4::text, last_error_code),
         last_error_message = CASE WHEN $4::text IS NULL THEN last_error_message ELSE $5::text END,
         last_error_at = CASE WHEN $4::text IS NULL THEN last_error_at ELSE now() END
       WHERE tenant_id = $1 AND id = $2 AND status <> ALL($6::text[]) AND status <> ALL($7::text[]) RETURNING ${COLUMNS}`,
      [
        tenantId,
        id,
        report.status,
        report.error?.code ?? null,
        report.error?.message ?? null,
        [...FINAL_STATUSES],
        laterThan(report.status),
      ],
    );
    return row ? toAsset(row) : this.find(tenantId, id);
  }

  async progress(tenantId: string, id: string, percent: number): Promise<Asset | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.sql.client().query<Row>(
      `UPDATE ${this.table} SET status = 'transcoding', updated_at = now(), progress_percent = GREATEST(COALESCE(progress_percent, 0), $3)
       WHERE tenant_id = $1 AND id = $2 AND status = ANY($4::text[]) RETURNING ${COLUMNS}`,
      [tenantId, id, percent, [...BEFORE_TRANSCODED]],
    );
    return row ? toAsset(row) : this.find(tenantId, id);
  }
}
