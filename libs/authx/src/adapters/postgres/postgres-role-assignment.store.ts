import type { Pool } from 'pg';
import { RoleAssignmentStore } from '../../ports/role-assignment-store';
import { DEFAULT_AUTHX_SCHEMA, quoteSchema } from './postgres-schema';

/** Role assignments in Postgres (`<schema>.role_assignments`). */
export class PostgresRoleAssignmentStore extends RoleAssignmentStore {
  private readonly schema: string;

  /** `schema`: the service's Postgres schema holding AuthX's tables (validated, quoted). */
  constructor(
    private readonly pool: Pool,
    schema = DEFAULT_AUTHX_SCHEMA,
  ) {
    super();
    this.schema = quoteSchema(schema);
  }

  async assign(tenantId: string, userId: string, role: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.role_assignments (tenant_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [tenantId, userId, role],
    );
  }

  async unassign(tenantId: string, userId: string, role: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM ${this.schema}.role_assignments WHERE tenant_id = $1 AND user_id = $2 AND role = $3`,
      [tenantId, userId, role],
    );
    return (rowCount ?? 0) > 0;
  }

  async rolesOf(tenantId: string, userId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ role: string }>(
      `SELECT role FROM ${this.schema}.role_assignments WHERE tenant_id = $1 AND user_id = $2 ORDER BY role`,
      [tenantId, userId],
    );
    return rows.map((r) => r.role);
  }
}
