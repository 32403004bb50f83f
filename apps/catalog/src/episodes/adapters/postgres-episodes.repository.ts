import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { AGE_BANDS, ageBandRank, type AgeBand } from '../age-band';
import { sameEpisode, type Episode, type EpisodeInput, type EpisodeListQuery, type Rendition, type UpsertResult } from '../episode';
import { EpisodesRepository } from '../episodes.repository';

type Row = {
  episode_id: string;
  show_id: string;
  title: string;
  summary: string;
  age_band: AgeBand;
  duration_ms: number;
  learning_tags: string[];
  playback_ready: boolean;
  thumbnail: string;
  published_at: Date | null;
  renditions: Rendition[];
  updated_at: Date;
};

const COLUMNS =
  'episode_id, show_id, title, summary, age_band, duration_ms, learning_tags, playback_ready, thumbnail, published_at, renditions, updated_at';

const toEpisode = (row: Row): Episode => ({
  episodeId: row.episode_id,
  showId: row.show_id,
  title: row.title,
  summary: row.summary,
  ageBand: row.age_band,
  durationMs: Number(row.duration_ms),
  learningTags: row.learning_tags,
  playbackReady: row.playback_ready,
  thumbnail: row.thumbnail,
  publishedAt: row.published_at ? new Date(row.published_at).toISOString() : null,
  renditions: row.renditions.map((r) => ({ profile: r.profile, storageKey: r.storageKey })),
  updatedAt: new Date(row.updated_at).toISOString(),
});

/**
 * Postgres store in the service's schema (table `episodes`, created by
 * `prisma/catalog/migrations`), plain SQL through {@link SqlTransactions}. Ids compare by code
 * unit (`COLLATE "C"`), like the memory adapter, so keyset pages agree between the two.
 */
export class PostgresEpisodesRepository extends EpisodesRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."episodes"`;
  }

  async upsert(input: EpisodeInput): Promise<UpsertResult> {
    const existing = await this.find(input.episodeId);
    if (existing && sameEpisode(existing, input)) return { episode: existing, created: false, changed: false };
    const [row] = await this.sql.client().query<Row & { created: boolean }>(
      `INSERT INTO ${this.table} (${COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11::jsonb, now())
       ON CONFLICT (episode_id) DO UPDATE SET show_id = EXCLUDED.show_id, title = EXCLUDED.title, summary = EXCLUDED.summary,
         age_band = EXCLUDED.age_band, duration_ms = EXCLUDED.duration_ms, learning_tags = EXCLUDED.learning_tags,
         playback_ready = EXCLUDED.playback_ready, thumbnail = EXCLUDED.thumbnail, published_at = EXCLUDED.published_at,
         renditions = EXCLUDED.renditions, updated_at = now()
       RETURNING ${COLUMNS}, (xmax = 0) AS created`,
      [
        input.episodeId,
        input.showId,
        input.title,
        input.summary,
        input.ageBand,
        input.durationMs,
        JSON.stringify(input.learningTags),
        input.playbackReady,
        input.thumbnail,
        input.publishedAt === null ? null : new Date(input.publishedAt),
        JSON.stringify(input.renditions.map((r) => ({ profile: r.profile, storageKey: r.storageKey }))),
      ],
    );
    return { episode: toEpisode(row), created: row.created, changed: true };
  }

  async find(episodeId: string): Promise<Episode | null> {
    const [row] = await this.sql.client().query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE episode_id = $1`, [episodeId]);
    return row ? toEpisode(row) : null;
  }

  async listPublished(query: EpisodeListQuery): Promise<Episode[]> {
    const where = ['published_at IS NOT NULL'];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (query.ageBand) where.push(`age_band = ${param(query.ageBand)}`);
    if (query.maxAgeBand)
      where.push(`age_band = ANY(${param(AGE_BANDS.filter((b) => ageBandRank(b) <= ageBandRank(query.maxAgeBand as AgeBand)))})`);
    if (query.after)
      where.push(`(published_at, episode_id) < (${param(new Date(query.after.publishedAt))}, ${param(query.after.episodeId)})`);
    const rows = await this.sql
      .client()
      .query<Row>(
        `SELECT ${COLUMNS} FROM ${this.table} WHERE ${where.join(' AND ')} ORDER BY published_at DESC, episode_id DESC LIMIT ${param(query.limit)}`,
        params,
      );
    return rows.map(toEpisode);
  }
}
