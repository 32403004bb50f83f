import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import type { ChildProfile, ChildProfileQuery, NewChildProfile } from '../child-profile';
import { ChildProfilesRepository } from '../child-profiles.repository';

type Row = { id: string; tenant_id: string; name: string; created_at: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = 'id::text, tenant_id, name, created_at';

const toChildProfile = (row: Row): ChildProfile => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * Postgres store in the service's schema (table `child_profiles`, created by
 * `prisma/profile/migrations`), plain SQL through {@link SqlTransactions}: a write joins the
 * caller's transaction (`@Transactional()`) when there is one.
 */
export class PostgresChildProfilesRepository extends ChildProfilesRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."child_profiles"`;
  }

  async create(childProfile: NewChildProfile): Promise<ChildProfile> {
    const [row] = await this.sql
      .client()
      .query<Row>(`INSERT INTO ${this.table} (id, tenant_id, name, created_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
        uuidv7(),
        childProfile.tenantId,
        childProfile.name,
        new Date(),
      ]);
    return toChildProfile(row);
  }

  async find(tenantId: string, id: string): Promise<ChildProfile | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? toChildProfile(row) : null;
  }

  async list(query: ChildProfileQuery): Promise<ChildProfile[]> {
    const rows = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [
        query.tenantId,
        query.limit,
      ]);
    return rows.map(toChildProfile);
  }
}
