import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import type { PreferencesPatch, StoredPreferences } from '../notification-preferences';
import { PreferencesRepository } from '../preferences.repository';

type Row = {
  tenant_id: string;
  parent_user_id: string;
  digest: boolean | null;
  receipts: boolean | null;
  welcome: boolean | null;
  timezone: string | null;
  updated_at: Date;
};

const COLUMNS = 'tenant_id, parent_user_id, digest, receipts, welcome, timezone, updated_at';

const toPreferences = (row: Row): StoredPreferences => ({
  tenantId: row.tenant_id,
  parentUserId: row.parent_user_id,
  digest: row.digest,
  receipts: row.receipts,
  welcome: row.welcome,
  timezone: row.timezone,
  updatedAt: new Date(row.updated_at).toISOString(),
});

/**
 * Postgres store (table `preferences` of the service's schema, `prisma/notification/migrations`):
 * one row per parent, upserted; a `NULL` column is a value never set.
 */
export class PostgresPreferencesRepository extends PreferencesRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."preferences"`;
  }

  async find(tenantId: string, parentUserId: string): Promise<StoredPreferences | null> {
    const [row] = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND parent_user_id = $2`, [tenantId, parentUserId]);
    return row ? toPreferences(row) : null;
  }

  async findMany(tenantId: string, parentUserIds: readonly string[]): Promise<Map<string, StoredPreferences>> {
    if (parentUserIds.length === 0) return new Map();
    const rows = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND parent_user_id = ANY($2::text[])`, [
        tenantId,
        [...parentUserIds],
      ]);
    return new Map(rows.map((row) => [row.parent_user_id, toPreferences(row)]));
  }

  async update(tenantId: string, parentUserId: string, patch: PreferencesPatch): Promise<StoredPreferences> {
    const values = [patch.digest, patch.receipts, patch.welcome, patch.timezone].map((v) => (v === undefined ? null : v));
    const sets = (['digest', 'receipts', 'welcome', 'timezone'] as const)
      .map((column, i) => `${column} = CASE WHEN $${i + 7}::boolean THEN EXCLUDED.${column} ELSE ${this.table}.${column} END`)
      .join(', ');
    const given = [patch.digest, patch.receipts, patch.welcome, patch.timezone].map((v) => v !== undefined);
    const [row] = await this.sql.client().query<Row>(
      `INSERT INTO ${this.table} (tenant_id, parent_user_id, digest, receipts, welcome, timezone, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())
       ON CONFLICT (tenant_id, parent_user_id) DO UPDATE SET ${sets}, updated_at = now()
       RETURNING ${COLUMNS}`,
      [tenantId, parentUserId, ...values, ...given],
    );
    return toPreferences(row);
  }
}
