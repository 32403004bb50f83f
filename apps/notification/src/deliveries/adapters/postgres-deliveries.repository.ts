import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import type { NotificationKind } from '../../preferences/notification-preferences';
import type { Channel } from '../../senders/notification-sender';
import { DeliveriesRepository } from '../deliveries.repository';
import type { Delivery, DeliveryStatus, NewDelivery } from '../delivery';

type Row = {
  id: string;
  tenant_id: string;
  dedupe_key: string;
  parent_user_id: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  status: DeliveryStatus;
  channel: Channel | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: Date;
  created_at: Date;
  sent_at: Date | null;
};

const COLUMNS =
  'id::text, tenant_id, dedupe_key, parent_user_id, kind, subject, body, status, channel, attempts, last_error, next_attempt_at, created_at, sent_at';

const iso = (d: Date) => new Date(d).toISOString();
const toDelivery = (row: Row): Delivery => ({
  id: row.id,
  tenantId: row.tenant_id,
  dedupeKey: row.dedupe_key,
  parentUserId: row.parent_user_id,
  kind: row.kind,
  subject: row.subject,
  body: row.body,
  status: row.status,
  channel: row.channel,
  attempts: row.attempts,
  lastError: row.last_error,
  nextAttemptAt: iso(row.next_attempt_at),
  createdAt: iso(row.created_at),
  sentAt: row.sent_at ? iso(row.sent_at) : null,
});

/**
 * Postgres delivery table (`deliveries` of the service's schema). `record` is an
 * `INSERT … ON CONFLICT DO NOTHING` on `(tenant_id, dedupe_key)`; `claimDue` leases rows with
 * `FOR UPDATE SKIP LOCKED`, so several replicas share the work without sending one row twice.
 */
export class PostgresDeliveriesRepository extends DeliveriesRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."deliveries"`;
  }

  async record(d: NewDelivery): Promise<boolean> {
    const rows = await this.sql.client().query<{ id: string }>(
      `INSERT INTO ${this.table} (id, tenant_id, dedupe_key, parent_user_id, kind, subject, body)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, dedupe_key) DO NOTHING RETURNING id::text`,
      [uuidv7(), d.tenantId, d.dedupeKey, d.parentUserId, d.kind, d.subject, d.body],
    );
    return rows.length === 1;
  }

  async claimDue(now: Date, limit: number, leaseMs: number): Promise<Delivery[]> {
    const rows = await this.sql.client().query<Row>(
      `UPDATE ${this.table} SET status = 'sending', next_attempt_at = $1::timestamptz + make_interval(secs => $3::double precision / 1000)
       WHERE id IN (SELECT id FROM ${this.table} WHERE status IN ('pending', 'sending') AND next_attempt_at <= $1
                    ORDER BY next_attempt_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [now, limit, leaseMs],
    );
    return rows.map(toDelivery).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  async markSent(id: string, attempts: number, channel: Channel, at: Date): Promise<void> {
    await this.sql
      .client()
      .query(`UPDATE ${this.table} SET status = 'sent', attempts = $2, channel = $3, sent_at = $4, last_error = NULL WHERE id = $1`, [
        id,
        attempts,
        channel,
        at,
      ]);
  }

  async markRetry(id: string, attempts: number, nextAttemptAt: Date, error: string): Promise<void> {
    await this.sql
      .client()
      .query(`UPDATE ${this.table} SET status = 'pending', attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $1`, [
        id,
        attempts,
        nextAttemptAt,
        error.slice(0, 500),
      ]);
  }

  async markFailed(id: string, attempts: number, error: string): Promise<void> {
    await this.sql
      .client()
      .query(`UPDATE ${this.table} SET status = 'failed', attempts = $2, last_error = $3 WHERE id = $1`, [
        id,
        attempts,
        error.slice(0, 500),
      ]);
  }

  async listByParent(tenantId: string, parentUserId: string): Promise<Delivery[]> {
    const rows = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND parent_user_id = $2 ORDER BY created_at, id`, [
        tenantId,
        parentUserId,
      ]);
    return rows.map(toDelivery);
  }
}
