import type { Pool } from 'pg';
import { AuditLog, type AuditEntry, type AuditQuery } from '../../ports/audit-log';

/** Decisions in Postgres (`identity.audit_log`). */
export class PostgresAuditLog extends AuditLog {
  constructor(private readonly pool: Pool) {
    super();
  }

  async append(e: AuditEntry): Promise<void> {
    await this.pool.query(
      `INSERT INTO identity.audit_log (at, request_id, tenant_id, principal, kind, action, object, decision, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [e.at, e.requestId, e.tenantId, e.principal, e.kind, e.action, e.object, e.decision, e.reason],
    );
  }

  async query(q: AuditQuery): Promise<AuditEntry[]> {
    const { rows } = await this.pool.query<AuditEntry & { at: Date }>(
      `SELECT at, request_id AS "requestId", tenant_id AS "tenantId", principal, kind, action, object, decision, reason
         FROM identity.audit_log
        WHERE tenant_id = $1 AND ($2::text IS NULL OR principal = $2) AND ($3::text IS NULL OR decision = $3)
        ORDER BY id DESC LIMIT $4`,
      [q.tenantId, q.principal ?? null, q.decision ?? null, q.limit],
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }
}
