import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import type { ChildAgeBand } from '@mikasmissions/contracts-events';
import { uuidv7 } from 'uuidv7';
import type { ChildProfile, NewChildProfile } from '../child-profile';
import { ChildProfilesRepository } from '../child-profiles.repository';
import { ParentRowScope } from './parent-row-scope';

type Row = { id: string; parent_user_id: string; display_name: string; age_band: ChildAgeBand; avatar: string; created_at: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = 'id::text, parent_user_id, display_name, age_band, avatar, created_at';

const toChildProfile = (row: Row): ChildProfile => ({
  childProfileId: row.id,
  parentUserId: row.parent_user_id,
  displayName: row.display_name,
  ageBand: row.age_band,
  avatar: row.avatar,
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * Postgres store in the service's schema (table `child_profiles`, created by
 * `prisma/profile/migrations`), plain SQL through {@link SqlTransactions}: every statement runs
 * in a transaction that {@link ParentRowScope} has scoped to the acting parent, so row-level
 * security (not only the `WHERE`) keeps families apart. A write joins the caller's transaction
 * (`@Publish`, `EventPublisher.transaction`) when there is one.
 */
export class PostgresChildProfilesRepository extends ChildProfilesRepository {
  private readonly table: string;
  private readonly rows: ParentRowScope;

  constructor(sql: SqlTransactions, schema: string) {
    super();
    this.table = `${quoteSchema(schema)}."child_profiles"`;
    this.rows = new ParentRowScope(sql);
  }

  async create(profile: NewChildProfile): Promise<ChildProfile> {
    const [row] = await this.rows.asParent(profile.parentUserId, (db) =>
      db.query<Row>(
        `INSERT INTO ${this.table} (id, parent_user_id, display_name, age_band, avatar, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [uuidv7(), profile.parentUserId, profile.displayName, profile.ageBand, profile.avatar, new Date()],
      ),
    );
    return toChildProfile(row);
  }

  async findOwned(parentUserId: string, childProfileId: string): Promise<ChildProfile | null> {
    if (!UUID.test(childProfileId)) return null;
    const [row] = await this.rows.asParent(parentUserId, (db) =>
      db.query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1 AND parent_user_id = $2`, [childProfileId, parentUserId]),
    );
    return row ? toChildProfile(row) : null;
  }

  async listByParent(parentUserId: string): Promise<ChildProfile[]> {
    const rows = await this.rows.asParent(parentUserId, (db) =>
      db.query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE parent_user_id = $1 ORDER BY created_at ASC, id ASC`, [parentUserId]),
    );
    return rows.map(toChildProfile);
  }

  async delete(parentUserId: string, childProfileId: string): Promise<ChildProfile | null> {
    if (!UUID.test(childProfileId)) return null;
    const [row] = await this.rows.asParent(parentUserId, (db) =>
      db.query<Row>(`DELETE FROM ${this.table} WHERE id = $1 AND parent_user_id = $2 RETURNING ${COLUMNS}`, [childProfileId, parentUserId]),
    );
    return row ? toChildProfile(row) : null;
  }

  async findForService(childProfileId: string): Promise<ChildProfile | null> {
    if (!UUID.test(childProfileId)) return null;
    const [row] = await this.rows.asService((db) => db.query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE id = $1`, [childProfileId]));
    return row ? toChildProfile(row) : null;
  }

  async parentsWithChildIn(band: ChildAgeBand, after: string | null, limit: number): Promise<string[]> {
    const rows = await this.rows.asService((db) =>
      db.query<{ parent_user_id: string }>(
        `SELECT DISTINCT parent_user_id COLLATE "C" AS parent_user_id FROM ${this.table}
         WHERE age_band = $1 AND ($2::text IS NULL OR parent_user_id COLLATE "C" > $2 COLLATE "C")
         ORDER BY 1 LIMIT $3`,
        [band, after, limit],
      ),
    );
    return rows.map((row) => row.parent_user_id);
  }
}
