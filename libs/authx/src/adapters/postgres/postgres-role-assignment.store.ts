import type { Pool } from 'pg';
import { RoleAssignmentStore } from '../../ports/role-assignment-store';

/** Role assignments in Postgres (`identity.role_assignments`). */
export class PostgresRoleAssignmentStore extends RoleAssignmentStore {
  constructor(private readonly pool: Pool) {
    super();
  }

  async assign(tenantId: string, userId: string, role: string): Promise<void> {
    await this.pool.query(`INSERT INTO identity.role_assignments (tenant_id, user_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [tenantId, userId, role]);
  }

  async unassign(tenantId: string, userId: string, role: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(`DELETE FROM identity.role_assignments WHERE tenant_id = $1 AND user_id = $2 AND role = $3`, [tenantId, userId, role]);
    return (rowCount ?? 0) > 0;
  }

  async rolesOf(tenantId: string, userId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ role: string }>(`SELECT role FROM identity.role_assignments WHERE tenant_id = $1 AND user_id = $2 ORDER BY role`, [tenantId, userId]);
    return rows.map((r) => r.role);
  }
}
