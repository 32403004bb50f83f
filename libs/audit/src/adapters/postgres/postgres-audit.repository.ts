import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { uuidv7 } from 'uuidv7';
import type { AuditEntry, AuditFilter, NewAuditEntry } from '../../audit-entry';
import { AuditRepository } from '../../ports/audit.repository';

type Row = Omit<AuditEntry, 'audit_id' | 'occurred_at'> & { id: string; occurred_at: Date };

const COLUMNS = 'id, actor, actor_role, action, target_type, target_id, before, after, occurred_at';

const json = (value: object | null) => (value === null ? null : JSON.stringify(value));

/**
 * Postgres audit in a service's schema (table `audit_entries`, created by the lib's SQL in
 * `libs/audit/sql/`), plain SQL through {@link SqlTransactions}: an append joins the caller's
 * transaction, {@link atomically} opens one when none is active.
 */
export class PostgresAuditRepository<Action extends string = string, Target extends string = string> extends AuditRepository<
  Action,
  Target
> {
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."audit_entries"`;
  }

  async append(e: NewAuditEntry<Action, Target>): Promise<AuditEntry<Action, Target>> {
    const [row] = await this.sql.client().query<Row>(
      `INSERT INTO ${this.table} (id, actor, actor_role, action, target_type, target_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb) RETURNING ${COLUMNS}`,
      [uuidv7(), e.actor, e.actor_role, e.action, e.target_type, e.target_id, json(e.before), json(e.after)],
    );
    return this.toEntry(row);
  }

  async list(limit: number, { targetType, targetId }: AuditFilter<Target> = {}): Promise<AuditEntry<Action, Target>[]> {
    const rows = await this.sql.client().query<Row>(
      `SELECT ${COLUMNS} FROM ${this.table}
       WHERE ($2::text IS NULL OR target_type = $2) AND ($3::text IS NULL OR target_id = $3)
       ORDER BY occurred_at DESC, id DESC LIMIT $1`,
      [limit, targetType ?? null, targetId ?? null],
    );
    return rows.map((row) => this.toEntry(row));
  }

  atomically<T>(fn: () => Promise<T>): Promise<T> {
    return this.sql.run(fn);
  }

  /** A row as an entry; the action and target are the ones this service wrote. */
  private toEntry({ id, occurred_at, ...rest }: Row): AuditEntry<Action, Target> {
    return {
      audit_id: id,
      ...(rest as Omit<AuditEntry<Action, Target>, 'audit_id' | 'occurred_at'>),
      occurred_at: new Date(occurred_at).toISOString(),
    };
  }
}
