import { Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Pool } from 'pg';
import { AuditLog, type AuditEntry, type AuditQuery } from '../../ports/audit-log';
import { DEFAULT_AUTHX_SCHEMA, quoteSchema } from './postgres-schema';

const COLUMNS = 9;

/**
 * Decisions in Postgres (`<schema>.audit_log`). Rows are written in batches (one multi-row
 * INSERT every `flushMs` or `batchSize` entries) so auditing every request costs no round
 * trip on the request path; a query, and shutdown, flush first.
 */
export class PostgresAuditLog extends AuditLog implements OnModuleDestroy {
  private readonly logger = new Logger('AuthxAudit');
  private queue: AuditEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private flushing: Promise<void> = Promise.resolve();

  private readonly schema: string;

  /** `schema`: the service's Postgres schema holding AuthX's tables (validated, quoted). */
  constructor(
    private readonly pool: Pool,
    schema = DEFAULT_AUTHX_SCHEMA,
    private readonly flushMs = 50,
    private readonly batchSize = 200,
  ) {
    super();
    this.schema = quoteSchema(schema);
  }

  async append(e: AuditEntry): Promise<void> {
    this.queue.push(e);
    if (this.queue.length >= this.batchSize) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), this.flushMs);
  }

  async query(q: AuditQuery): Promise<AuditEntry[]> {
    await this.flush();
    const { rows } = await this.pool.query<AuditEntry & { at: Date }>(
      `SELECT at, request_id AS "requestId", tenant_id AS "tenantId", principal, kind, action, object, decision, reason
         FROM ${this.schema}.audit_log
        WHERE tenant_id = $1 AND ($2::text IS NULL OR principal = $2) AND ($3::text IS NULL OR decision = $3)
        ORDER BY id DESC LIMIT $4`,
      [q.tenantId, q.principal ?? null, q.decision ?? null, q.limit],
    );
    return rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }));
  }

  /** Writes everything queued so far; resolves when it is stored (or dropped after a logged failure). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.queue;
    this.queue = [];
    this.flushing = this.flushing.then(() => (batch.length > 0 ? this.write(batch) : undefined));
    return this.flushing;
  }

  async onModuleDestroy(): Promise<void> {
    await this.flush();
  }

  private async write(batch: AuditEntry[]): Promise<void> {
    const values = batch.map((_, i) => `(${Array.from({ length: COLUMNS }, (_c, j) => `$${i * COLUMNS + j + 1}`).join(', ')})`).join(', ');
    const params = batch.flatMap((e) => [e.at, e.requestId, e.tenantId, e.principal, e.kind, e.action, e.object, e.decision, e.reason]);
    try {
      await this.pool.query(
        `INSERT INTO ${this.schema}.audit_log (at, request_id, tenant_id, principal, kind, action, object, decision, reason) VALUES ${values}`,
        params,
      );
    } catch (error) {
      this.logger.error(`${batch.length} audit row(s) not stored: ${(error as Error).message}`);
    }
  }
}
