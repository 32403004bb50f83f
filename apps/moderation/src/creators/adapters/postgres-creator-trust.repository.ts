import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import type { TrustLevel } from '../../rules/moderation-rules';
import type { NewTrust, StoredTrust, TrustChange } from '../creator-trust';
import { CreatorTrustRepository } from '../creator-trust.repository';

interface Row {
  tenant_id: string;
  creator_id: string;
  trust_level: TrustLevel;
  updated_by: string;
  updated_at: Date;
}

const toTrust = (row: Row): StoredTrust => ({
  tenantId: row.tenant_id,
  creatorId: row.creator_id,
  level: row.trust_level,
  updatedBy: row.updated_by,
  updatedAt: new Date(row.updated_at).toISOString(),
});

const COLUMNS = 'tenant_id, creator_id, trust_level, updated_by, updated_at';

/** Postgres trust levels in the service's schema (table `creator_trust`), plain SQL joining the caller's transaction. */
export class PostgresCreatorTrustRepository extends CreatorTrustRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."creator_trust"`;
  }

  async find(tenantId: string, creatorId: string): Promise<StoredTrust | null> {
    const [row] = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND creator_id = $2`, [tenantId, creatorId]);
    return row ? toTrust(row) : null;
  }

  /** Locks the creator's row (`FOR UPDATE`) so two admins' changes are audited in order, each with the level it replaced. */
  async set(trust: NewTrust): Promise<TrustChange> {
    return this.sql.run(async () => {
      const client = this.sql.client();
      const [old] = await client.query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND creator_id = $2 FOR UPDATE`, [
        trust.tenantId,
        trust.creatorId,
      ]);
      const [row] = await client.query<Row>(
        `INSERT INTO ${this.table} (tenant_id, creator_id, trust_level, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, clock_timestamp())
         ON CONFLICT (tenant_id, creator_id)
         DO UPDATE SET trust_level = EXCLUDED.trust_level, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
         RETURNING ${COLUMNS}`,
        [trust.tenantId, trust.creatorId, trust.level, trust.updatedBy],
      );
      return { before: old ? toTrust(old) : null, after: toTrust(row) };
    });
  }
}
