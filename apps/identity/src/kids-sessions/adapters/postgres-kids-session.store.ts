import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { rowScopeOf, type FamilyScope } from '../../family-scope/family-scope';
import { KidsSessionStore, type KidsSession } from '../kids-session.store';

interface Row {
  session_id: string;
  tenant_id: string;
  parent_user_id: string;
  child_profile_id: string;
  created_at: Date;
  expires_at: Date;
}

/** {@link KidsSessionStore} on `identity.kids_sessions`, under the caller's row scope. */
export class PostgresKidsSessionStore extends KidsSessionStore {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema = 'identity',
  ) {
    super();
    this.table = `${quoteSchema(schema)}.kids_sessions`;
  }

  async add(scope: FamilyScope, s: KidsSession): Promise<void> {
    await this.sql.runScoped(rowScopeOf(scope), () =>
      this.sql
        .client()
        .query(
          `INSERT INTO ${this.table} (session_id, tenant_id, parent_user_id, child_profile_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)`,
          [s.sessionId, s.tenantId, s.parentUserId, s.childProfileId, s.createdAt, s.expiresAt],
        ),
    );
  }

  async live(scope: FamilyScope, childProfileId: string, now: Date): Promise<KidsSession[]> {
    const rows = await this.sql.runScoped(rowScopeOf(scope), () =>
      this.sql
        .client()
        .query<Row>(
          `SELECT * FROM ${this.table} WHERE tenant_id = $1 AND child_profile_id = $2 AND revoked_at IS NULL AND expires_at > $3 ORDER BY created_at, session_id`,
          [scope.tenantId, childProfileId, now],
        ),
    );
    return rows.map((r) => ({
      sessionId: r.session_id,
      tenantId: r.tenant_id,
      parentUserId: r.parent_user_id,
      childProfileId: r.child_profile_id,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
    }));
  }

  async eraseChild(scope: FamilyScope, childProfileId: string): Promise<number> {
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

  async markRevoked(scope: FamilyScope, sessionIds: string[], at: Date): Promise<number> {
    if (sessionIds.length === 0) return 0;
    const rows = await this.sql.runScoped(rowScopeOf(scope), () =>
      this.sql
        .client()
        .query(
          `UPDATE ${this.table} SET revoked_at = $3 WHERE tenant_id = $1 AND session_id = ANY($2::uuid[]) AND revoked_at IS NULL RETURNING 1 AS ok`,
          [scope.tenantId, sessionIds, at],
        ),
    );
    return rows.length;
  }
}
