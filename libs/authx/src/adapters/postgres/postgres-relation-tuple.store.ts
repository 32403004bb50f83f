import type { Pool } from 'pg';
import { RelationTupleStore, type RelationTuple } from '../../ports/relation-tuple-store';

/** Relation tuples in Postgres (`identity.relation_tuples`), keyed by tenant. */
export class PostgresRelationTupleStore extends RelationTupleStore {
  constructor(private readonly pool: Pool) {
    super();
  }

  async write(tenantId: string, t: RelationTuple): Promise<void> {
    await this.pool.query(
      `INSERT INTO identity.relation_tuples (tenant_id, object, relation, subject) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [tenantId, t.object, t.relation, t.subject],
    );
  }

  async delete(tenantId: string, t: RelationTuple): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `DELETE FROM identity.relation_tuples WHERE tenant_id = $1 AND object = $2 AND relation = $3 AND subject = $4`,
      [tenantId, t.object, t.relation, t.subject],
    );
    return (rowCount ?? 0) > 0;
  }

  async subjects(tenantId: string, object: string, relation: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ subject: string }>(
      `SELECT subject FROM identity.relation_tuples WHERE tenant_id = $1 AND object = $2 AND relation = $3 LIMIT 1000`,
      [tenantId, object, relation],
    );
    return rows.map((r) => r.subject);
  }

  async list(tenantId: string, filter: Partial<RelationTuple>, limit: number): Promise<RelationTuple[]> {
    const { rows } = await this.pool.query<RelationTuple>(
      `SELECT object, relation, subject FROM identity.relation_tuples
        WHERE tenant_id = $1 AND ($2::text IS NULL OR object = $2) AND ($3::text IS NULL OR relation = $3) AND ($4::text IS NULL OR subject = $4)
        ORDER BY created_at DESC LIMIT $5`,
      [tenantId, filter.object ?? null, filter.relation ?? null, filter.subject ?? null, limit],
    );
    return rows;
  }
}
