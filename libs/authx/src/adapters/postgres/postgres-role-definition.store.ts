import type { Pool } from 'pg';
import { RoleDefinitionStore, type StoredRoleDefinition } from '../../ports/role-definition-store';
import { DEFAULT_AUTHX_SCHEMA, quoteSchema } from './postgres-schema';

/** Run-time role definitions in Postgres (`<schema>.role_definitions`, one row per permission). */
export class PostgresRoleDefinitionStore extends RoleDefinitionStore {
  private readonly schema: string;

  /** `schema`: the service's Postgres schema holding AuthX's tables (validated, quoted). */
  constructor(
    private readonly pool: Pool,
    schema = DEFAULT_AUTHX_SCHEMA,
  ) {
    super();
    this.schema = quoteSchema(schema);
  }

  async define(tenantId: string, role: string, permissions: readonly string[]): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.role_definitions (tenant_id, role, permission) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`,
      [tenantId, role, [...permissions]],
    );
  }

  async all(): Promise<StoredRoleDefinition[]> {
    const { rows } = await this.pool.query<{ tenant_id: string; role: string; permissions: string[] }>(
      `SELECT tenant_id, role, array_agg(permission ORDER BY permission) AS permissions FROM ${this.schema}.role_definitions GROUP BY tenant_id, role ORDER BY tenant_id COLLATE "C", role COLLATE "C"`,
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, role: r.role, permissions: r.permissions }));
  }
}
