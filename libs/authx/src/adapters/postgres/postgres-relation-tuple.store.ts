import type { Pool } from 'pg';
import { RelationTupleStore, type RelationTuple } from '../../ports/relation-tuple-store';
import { DEFAULT_AUTHX_SCHEMA, quoteSchema } from './postgres-schema';

/** Relation tuples in Postgres (`<schema>.relation_tuples`), keyed by tenant. */
export class PostgresRelationTupleStore extends RelationTupleStore {
  private readonly schema: string;

  /** `schema`: the service's Postgres schema holding AuthX's tables (validated, quoted). */
  constructor(
    private readonly pool: Pool,
    schema = DEFAULT_AUTHX_SCHEMA,
  ) {
    super();
    this.schema = quoteSchema(schema);
  }

  async write(tenantId: string, t: RelationTuple): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${this.schema}.relation_tuples (tenant_id, object, relation, subject) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [tenantId, t.object, t.relation, t.subject],
    );
  }

  async delete(tenantId: string, t: RelationTuple): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM ${this.schema}.relation_tuples WHERE tenant_id = $1 AND object = $2 AND relation = $3 AND subject = $4`,
      [tenantId, t.object, t.relation, t.subject],
    );
    return (rowCount ?? 0) > 0;
  }

  async subjects(tenantId: string, object: string, relation: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ subject: string }>(
      `SELECT subject FROM ${this.schema}.relation_tuples WHERE tenant_id = $1 AND object = $2 AND relation = $3 LIMIT 1000`,
      [tenantId, object, relation],
    );
    return rows.map((r) => r.subject);
  }

  async list(tenantId: string, filter: Partial<RelationTuple>, limit: number): Promise<RelationTuple[]> {
    const { rows } = await this.pool.query<RelationTuple>(
      `SELECT object, relation, subject FROM ${this.schema}.relation_tuples
        WHERE tenant_id = $1 AND ($2::text IS NULL OR object = $2) AND ($3::text IS NULL OR relation = $3) AND ($4::text IS NULL OR subject = $4)
        ORDER BY created_at DESC LIMIT $5`,
      [tenantId, filter.object ?? null, filter.relation ?? null, filter.subject ?? null, limit],
    );
    return rows;
  }
}
