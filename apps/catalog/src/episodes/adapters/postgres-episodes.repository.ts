import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import type { Episode, EpisodeQuery, NewEpisode } from '../episode';
import { EpisodesRepository } from '../episodes.repository';

type Row = { id: string; tenant_id: string; name: string; created_at: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = 'id::text, tenant_id, name, created_at';

const toEpisode = (row: Row): Episode => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * Postgres store in the service's schema (table `episodes`, created by
 * `prisma/catalog/migrations`), plain SQL through {@link SqlTransactions}: a write joins the
 * caller's transaction (`@Transactional()`) when there is one.
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

  async create(episode: NewEpisode): Promise<Episode> {
    const [row] = await this.sql
      .client()
      .query<Row>(`INSERT INTO ${this.table} (id, tenant_id, name, created_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
        uuidv7(),
        episode.tenantId,
        episode.name,
        new Date(),
      ]);
    return toEpisode(row);
  }

  async find(tenantId: string, id: string): Promise<Episode | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? toEpisode(row) : null;
  }

  async list(query: EpisodeQuery): Promise<Episode[]> {
    const rows = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [
        query.tenantId,
        query.limit,
      ]);
    return rows.map(toEpisode);
  }
}
