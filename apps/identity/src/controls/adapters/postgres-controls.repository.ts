import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { rowScopeOf, type FamilyScope } from '../../family-scope/family-scope';
import { ControlsRepository } from '../controls.repository';
import type { ParentalControls, StoredControls } from '../parental-controls';

interface Row {
  tenant_id: string;
  child_profile_id: string;
  parent_user_id: string;
  controls: ParentalControls;
  updated_by: string;
  updated_at: Date;
}

const toStored = (r: Row): StoredControls => ({
  tenantId: r.tenant_id,
  childProfileId: r.child_profile_id,
  parentUserId: r.parent_user_id,
  controls: r.controls,
  updatedBy: r.updated_by,
  updatedAt: r.updated_at.toISOString(),
});

/**
 * {@link ControlsRepository} on `<schema>.child_controls` with plain SQL through
 * {@link SqlTransactions} (so a PUT's row joins the `@Publish` transaction), every statement
 * under the caller's row scope: the `family_scope` policy hides and refuses other families' rows.
 */
export class PostgresControlsRepository extends ControlsRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema = 'identity',
  ) {
    super();
    this.table = `${quoteSchema(schema)}.child_controls`;
  }

  async find(scope: FamilyScope, childProfileId: string): Promise<StoredControls | null> {
    const rows = await this.sql.runScoped(rowScopeOf(scope), () =>
      this.sql
        .client()
        .query<Row>(`SELECT * FROM ${this.table} WHERE tenant_id = $1 AND child_profile_id = $2`, [scope.tenantId, childProfileId]),
    );
    return rows[0] ? toStored(rows[0]) : null;
  }

  async erase(scope: FamilyScope, childProfileId: string): Promise<number> {
    const rows = await this.sql.runScoped(rowScopeOf(scope), () =>
      this.sql
        .client()
        .query(`DELETE FROM ${this.table} WHERE tenant_id = $1 AND child_profile_id = $2 RETURNING 1 AS ok`, [
          scope.tenantId,
          childProfileId,
        ]),
    );
    return rows.length;
  }

  async save(scope: FamilyScope, c: StoredControls): Promise<void> {
    await this.sql.runScoped(rowScopeOf(scope), async () => {
      const rows = await this.sql.client().query(
        `INSERT INTO ${this.table} AS t (tenant_id, child_profile_id, parent_user_id, controls, updated_by, updated_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6)
         ON CONFLICT (tenant_id, child_profile_id) DO UPDATE SET controls = EXCLUDED.controls, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
         WHERE t.parent_user_id = EXCLUDED.parent_user_id
         RETURNING 1 AS ok`,
        [c.tenantId, c.childProfileId, c.parentUserId, JSON.stringify(c.controls), c.updatedBy, c.updatedAt],
      );
      if (rows.length === 0) throw new Error("controls row outside the caller's family scope");
    });
  }
}
