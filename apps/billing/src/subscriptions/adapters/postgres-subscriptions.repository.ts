import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import type { Subscription, SubscriptionQuery, NewSubscription } from '../subscription';
import { SubscriptionsRepository } from '../subscriptions.repository';

type Row = { id: string; tenant_id: string; name: string; created_at: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = 'id::text, tenant_id, name, created_at';

const toSubscription = (row: Row): Subscription => ({
  id: row.id,
  tenantId: row.tenant_id,
  name: row.name,
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * Postgres store in the service's schema (table `subscriptions`, created by
 * `prisma/billing/migrations`), plain SQL through {@link SqlTransactions}: a write joins the
 * caller's transaction (`@Transactional()`) when there is one.
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

  async create(subscription: NewSubscription): Promise<Subscription> {
    const [row] = await this.sql
      .client()
      .query<Row>(`INSERT INTO ${this.table} (id, tenant_id, name, created_at) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`, [
        uuidv7(),
        subscription.tenantId,
        subscription.name,
        new Date(),
      ]);
    return toSubscription(row);
  }

  async find(tenantId: string, id: string): Promise<Subscription | null> {
    if (!UUID.test(id)) return null;
    const [row] = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
    return row ? toSubscription(row) : null;
  }

  async list(query: SubscriptionQuery): Promise<Subscription[]> {
    const rows = await this.sql
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE tenant_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [
        query.tenantId,
        query.limit,
      ]);
    return rows.map(toSubscription);
  }
}
