import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import type { ModelProfile } from '../model-profile';
import { ModelProfilesRepository } from '../model-profiles.repository';

type Row = {
  id: string;
  provider: 'nvidia_nim';
  base_url: string;
  model_id: string;
  timeout_ms: number;
  max_retries: number;
  safety_preset: string;
};

const COLUMNS = 'id, provider, base_url, model_id, timeout_ms, max_retries, safety_preset';

const toProfile = (row: Row): ModelProfile => ({
  model_profile_id: row.id,
  provider: row.provider,
  base_url: row.base_url,
  model_id: row.model_id,
  timeout_ms: row.timeout_ms,
  max_retries: row.max_retries,
  safety_preset: row.safety_preset,
});

/** Postgres store in the service's schema (table `model_profiles`), plain SQL through {@link SqlTransactions}. */
export class PostgresModelProfilesRepository extends ModelProfilesRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."model_profiles"`;
  }

  async find(id: string): Promise<ModelProfile | null> {
    const [row] = await this.sql.client().query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1`, [id]);
    return row ? toProfile(row) : null;
  }

  async put(p: ModelProfile): Promise<ModelProfile> {
    const [row] = await this.sql.client().query<Row>(
      `INSERT INTO ${this.table} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (id) DO UPDATE SET provider = EXCLUDED.provider, base_url = EXCLUDED.base_url, model_id = EXCLUDED.model_id,
         timeout_ms = EXCLUDED.timeout_ms, max_retries = EXCLUDED.max_retries, safety_preset = EXCLUDED.safety_preset, updated_at = now()
       RETURNING ${COLUMNS}`,
      [p.model_profile_id, p.provider, p.base_url, p.model_id, p.timeout_ms, p.max_retries, p.safety_preset],
    );
    return toProfile(row);
  }
}
