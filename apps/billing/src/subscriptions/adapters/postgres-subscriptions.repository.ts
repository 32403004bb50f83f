import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import type { NewSubscription, Subscription, SubscriptionSource } from '../subscription';
import { SubscriptionsRepository } from '../subscriptions.repository';

type Row = {
  id: string;
  tenant_id: string;
  parent_user_id: string;
  plan: string;
  source: SubscriptionSource;
  consent_id: string | null;
  charge_reference: string | null;
  current_period_start: Date;
  current_period_end: Date;
  cancel_at_period_end: boolean;
  canceled_at: Date | null;
  created_at: Date;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS =
  'id::text, tenant_id, parent_user_id, plan, source, consent_id, charge_reference, current_period_start, current_period_end, cancel_at_period_end, canceled_at, created_at';
const iso = (value: Date) => new Date(value).toISOString();

const toSubscription = (row: Row): Subscription => ({
  id: row.id,
  tenantId: row.tenant_id,
  parentUserId: row.parent_user_id,
  plan: row.plan,
  source: row.source,
  consentId: row.consent_id,
  chargeReference: row.charge_reference,
  currentPeriodStart: iso(row.current_period_start),
  currentPeriodEnd: iso(row.current_period_end),
  cancelAtPeriodEnd: row.cancel_at_period_end,
  canceledAt: row.canceled_at ? iso(row.canceled_at) : null,
  createdAt: iso(row.created_at),
});

/**
 * Postgres store in the service's schema (table `subscriptions`, created by
 * `prisma/billing/migrations`), plain SQL through {@link SqlTransactions}: every statement joins
 * the caller's transaction (the idempotency or publish stage's, or `@Transactional()`).
 */
export class PostgresSubscriptionsRepository extends SubscriptionsRepository {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."subscriptions"`;
  }

  async insert(s: NewSubscription): Promise<Subscription | null> {
    const [row] = await this.sql.client().query<Row>(
      `INSERT INTO ${this.table} (id, tenant_id, parent_user_id, plan, source, consent_id, charge_reference, current_period_start, current_period_end, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (tenant_id, parent_user_id) WHERE source = 'consent' DO NOTHING
       RETURNING ${COLUMNS}`,
      [
        s.id,
        s.tenantId,
        s.parentUserId,
        s.plan,
        s.source,
        s.consentId,
        s.chargeReference,
        s.currentPeriodStart,
        s.currentPeriodEnd,
        s.createdAt,
      ],
    );
    return row ? toSubscription(row) : null;
  }

  async find(tenantId: string, id: string): Promise<Subscription | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? toSubscription(row) : null;
  }

  async listByParent(tenantId: string, parentUserId: string): Promise<Subscription[]> {
    const rows = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND parent_user_id = $2 ORDER BY created_at DESC, id DESC`, [
        tenantId,
        parentUserId,
      ]);
    return rows.map(toSubscription);
  }

  async cancelAtPeriodEnd(tenantId: string, id: string, at: Date): Promise<Subscription | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.sql
      .client()
      .query<Row>(
        `UPDATE ${this.table} SET cancel_at_period_end = true, canceled_at = COALESCE(canceled_at, $3) WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
        [tenantId, id, at],
      );
    return row ? toSubscription(row) : null;
  }

  async withParentLock<T>(tenantId: string, parentUserId: string, work: () => Promise<T>): Promise<T> {
    return this.sql.run(async () => {
      await this.sql.client().query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`billing:${tenantId}:${parentUserId}`]);
      return work();
    });
  }
}
