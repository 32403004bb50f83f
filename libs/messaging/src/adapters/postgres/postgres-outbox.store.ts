import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Client, type PoolClient } from 'pg';
import type { EventEnvelope } from '../../event-envelope';
import {
  OutboxStore,
  type OutboxClaim,
  type OutboxRecord,
  type OutboxStats,
  type PublishedPage,
  type RelayOutcome,
  type RequeueOptions,
} from '../../ports/outbox-store';
import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';

/** `available_at` is TIMESTAMPTZ(3): Postgres rounds it, so a row written this half-millisecond can sit up to 0.5 ms past now(); allow 1 ms. */
const DUE = "now() + interval '1 millisecond'";

type Row = {
  id: string;
  type: string;
  aggregate_id: string | null;
  payload: EventEnvelope | string;
  status: OutboxRecord['status'];
  attempts: number;
  last_error: string | null;
  created_at: Date | string;
  published_at: Date | string | null;
  /** `seq` as text (not named `seq`, which would make `ORDER BY seq` sort text). */
  position: string;
  stream_entry_id: string | null;
  stream_epoch: string | null;
};

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

const toRecord = (r: Row): OutboxRecord => ({
  id: r.id,
  type: r.type,
  aggregateId: r.aggregate_id,
  envelope: typeof r.payload === 'string' ? (JSON.parse(r.payload) as EventEnvelope) : r.payload,
  status: r.status,
  attempts: Number(r.attempts),
  lastError: r.last_error,
  createdAt: iso(r.created_at) as string,
  publishedAt: iso(r.published_at),
  streamEntry: r.stream_entry_id && r.stream_epoch ? { id: r.stream_entry_id, epoch: r.stream_epoch } : null,
});

const COLUMNS =
  'id::text, type, aggregate_id, payload, status, attempts, last_error, created_at, published_at, seq::text AS position, stream_entry_id, stream_epoch';

/**
 * Outbox in the service's Postgres schema (table `outbox`). `append` joins the caller's
 * transaction; `claim` locks due rows with `FOR UPDATE SKIP LOCKED` (several relays never
 * take the same row). Rows of an aggregate are taken only after a transaction-scoped
 * advisory lock on that aggregate was won (before the rows are read, so the read sees
 * everything the previous holder committed), and only while none of its older rows waits
 * for a retry: each aggregate's events reach the stream in the order they were written.
 */
export class PostgresOutboxStore extends OutboxStore {
  readonly kind = 'postgres' as const;
  readonly transactional = true;
  private readonly table: string;
  private listener?: Client;
  private waiter?: () => void;
  private notified = false;
  private readonly waiting: string;
  private readonly relayId = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(
    private readonly tx: SqlTransactions,
    private readonly schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."outbox"`;
    this.waiting = `${quoteSchema(schema)}."outbox_relay_waiting"`;
  }

  async append(envelopes: EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const params: unknown[] = [];
    const values = envelopes.map((e, i) => {
      params.push(e.id, e.type, e.aggregateId ?? null, JSON.stringify(e));
      const n = i * 4;
      return `($${n + 1}::uuid, $${n + 2}, $${n + 3}, $${n + 4}::jsonb)`;
    });
    await this.tx
      .client()
      .query(`INSERT INTO ${this.table} (id, type, aggregate_id, payload) VALUES ${values.join(', ')} RETURNING 1 AS ok`, params);
  }

  async claim(limit: number): Promise<OutboxClaim> {
    const client = await this.tx.pool.connect();
    let done = false;
    const finish = async (sql?: string, params?: unknown[]) => {
      if (done) return;
      done = true;
      try {
        if (sql) await client.query(sql, params);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };
    try {
      await client.query('BEGIN');
      const locked = await client.query<{ a: string }>(
        `SELECT a FROM (
           SELECT aggregate_id AS a, min(seq) AS first FROM ${this.table}
            WHERE status = 'pending' AND aggregate_id IS NOT NULL GROUP BY aggregate_id ORDER BY first LIMIT $1) c
          WHERE pg_try_advisory_xact_lock(hashtext($2 || a))`,
        [limit, `${this.schema}.outbox:`],
      );
      const { rows } = await client.query<Row>(
        `SELECT ${COLUMNS} FROM ${this.table} o
          WHERE o.status = 'pending' AND o.available_at <= ${DUE}
            AND (o.aggregate_id IS NULL OR (o.aggregate_id = ANY($2::text[]) AND NOT EXISTS (
              SELECT 1 FROM ${this.table} p
               WHERE p.status = 'pending' AND p.aggregate_id = o.aggregate_id AND p.seq < o.seq AND p.available_at > ${DUE})))
          ORDER BY o.seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [limit, locked.rows.map((r) => r.a)],
      );
      const records = rows.map(toRecord);
      if (records.length === 0) await finish();
      return {
        records,
        release: () => finish(),
        complete: (outcomes) => finish(...this.completionSql(outcomes)),
      };
    } catch (error) {
      await rollback(client);
      throw error;
    }
  }

  private completionSql(outcomes: RelayOutcome[]): [string, unknown[]] {
    const published = outcomes.filter((o) => o.ok).map((o) => ({ id: o.id, entry_id: o.entry?.id ?? null, epoch: o.entry?.epoch ?? null }));
    const failed = outcomes.filter((o): o is Extract<RelayOutcome, { ok: false }> => !o.ok);
    const sql = `WITH done AS (
        SELECT * FROM jsonb_to_recordset($1::jsonb) AS d(id uuid, entry_id text, epoch text)),
      published AS (
        UPDATE ${this.table} o SET status = 'published', published_at = now(), attempts = o.attempts + 1,
               stream_entry_id = d.entry_id, stream_epoch = d.epoch
          FROM done d WHERE o.id = d.id RETURNING 1),
      failures AS (
        SELECT * FROM jsonb_to_recordset($2::jsonb) AS f(id uuid, error text, fail boolean, retry_ms int))
      UPDATE ${this.table} o SET attempts = o.attempts + 1, last_error = f.error,
             status = CASE WHEN f.fail THEN 'failed' ELSE 'pending' END,
             available_at = now() + make_interval(secs => f.retry_ms / 1000.0)
        FROM failures f WHERE o.id = f.id`;
    const failures = failed.map((f) => ({ id: f.id, error: f.error.slice(0, 2000), fail: f.fail, retry_ms: Math.round(f.retryInMs) }));
    return [sql, [JSON.stringify(published), JSON.stringify(failures)]];
  }

  async listPublished(query: { withinMs: number; limit: number; after?: string | null }): Promise<PublishedPage> {
    const rows = await this.tx.client().query<Row>(
      `SELECT ${COLUMNS} FROM ${this.table}
        WHERE status = 'published' AND seq > $1::bigint AND published_at > now() - make_interval(secs => $2 / 1000.0)
        ORDER BY seq LIMIT $3`,
      [query.after ?? '0', query.withinMs, query.limit],
    );
    return { records: rows.map(toRecord), next: rows.length < query.limit ? null : rows[rows.length - 1].position };
  }

  async republish(ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const rows = await this.tx
      .client()
      .query<{ ok: number }>(
        `UPDATE ${this.table} SET status = 'pending', available_at = now() WHERE id = ANY($1::uuid[]) AND status = 'published' RETURNING 1 AS ok`,
        [ids],
      );
    if (rows.length > 0) this.wake();
    return rows.length;
  }

  async prunePublished(olderThanMs: number, limit: number): Promise<number> {
    const rows = await this.tx.client().query<{ ok: number }>(
      `DELETE FROM ${this.table} WHERE id IN (
         SELECT id FROM ${this.table} WHERE status = 'published' AND published_at < now() - make_interval(secs => $1 / 1000.0)
          ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED) RETURNING 1 AS ok`,
      [olderThanMs, limit],
    );
    return rows.length;
  }

  async listFailed(limit: number): Promise<OutboxRecord[]> {
    const rows = await this.tx
      .client()
      .query<Row>(`SELECT ${COLUMNS} FROM ${this.table} WHERE status = 'failed' ORDER BY seq LIMIT $1`, [limit]);
    return rows.map(toRecord);
  }

  async requeueFailed(options: RequeueOptions): Promise<OutboxRecord[]> {
    if (options.dryRun) return this.listFailed(options.limit);
    const rows = await this.tx.client().query<Row>(
      `WITH moved AS (
         UPDATE ${this.table} SET status = 'pending', available_at = now(),
                attempts = CASE WHEN $2::boolean THEN 0 ELSE attempts END
          WHERE id IN (SELECT id FROM ${this.table} WHERE status = 'failed' ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING *)
       SELECT ${COLUMNS} FROM moved ORDER BY seq`,
      [options.limit, options.resetAttempts],
    );
    return rows.map(toRecord);
  }

  async stats(): Promise<OutboxStats> {
    const rows = await this.tx
      .client()
      .query<{ status: OutboxRecord['status']; n: number | string }>(
        `SELECT status, count(*)::int AS n FROM ${this.table} GROUP BY status`,
      );
    const stats: OutboxStats = { pending: 0, published: 0, failed: 0 };
    for (const r of rows) stats[r.status] = Number(r.n);
    return stats;
  }

  wake(): void {
    if (this.waiter) this.waiter();
    else this.notified = true;
  }

  /**
   * Sleeps until a commit in this process ({@link wake}), a NOTIFY from another process, or
   * `timeoutMs`. Only while sleeping is the relay registered in `outbox_relay_waiting`, the
   * only time the insert trigger pays for NOTIFY.
   */
  async waitForWork(timeoutMs: number): Promise<void> {
    if (this.notified) {
      this.notified = false;
      return;
    }
    const listener = await this.listen();
    if (listener) {
      const { rows } = await listener
        .query<{ due: boolean }>(
          `WITH stale AS (DELETE FROM ${this.waiting} WHERE since < now() - interval '1 minute' AND relay_id <> $1),
                registered AS (INSERT INTO ${this.waiting} (relay_id) VALUES ($1) ON CONFLICT (relay_id) DO UPDATE SET since = now() RETURNING 1)
           SELECT EXISTS (SELECT 1 FROM ${this.table} WHERE status = 'pending' AND available_at <= ${DUE}) AS due`,
          [this.relayId],
        )
        .catch(() => ({ rows: [{ due: false }] }));
      if (rows[0]?.due) this.notified = true;
    }
    if (!this.notified) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.waiter = undefined;
          resolve();
        }, timeoutMs);
        this.waiter = () => {
          clearTimeout(timer);
          this.waiter = undefined;
          resolve();
        };
      });
    }
    this.notified = false;
    if (listener && this.listener === listener)
      await listener.query(`DELETE FROM ${this.waiting} WHERE relay_id = $1`, [this.relayId]).catch(() => undefined);
  }

  /**
   * LISTEN "<schema>_outbox" (notified by the table's insert trigger) on a dedicated connection.
   * When that connection dies (Postgres restart) it is forgotten, never thrown: the relay polls
   * until the next `waitForWork` listens again.
   */
  private async listen(): Promise<Client | undefined> {
    if (this.listener) return this.listener;
    const options = this.tx.pool.options;
    const listener = new Client({ ...options, connectionString: options.connectionString });
    listener.on('error', () => {
      if (this.listener === listener) this.listener = undefined;
      void listener.end().catch(() => undefined);
    });
    listener.on('end', () => {
      if (this.listener === listener) this.listener = undefined;
    });
    try {
      await listener.connect();
      listener.on('notification', () => this.wake());
      await listener.query(`LISTEN "${this.schema}_outbox"`);
      this.listener = listener;
      return listener;
    } catch {
      await listener.end().catch(() => undefined);
      return undefined;
    }
  }

  override async close(): Promise<void> {
    const listener = this.listener;
    this.listener = undefined;
    this.waiter?.();
    if (listener) {
      await listener.query(`DELETE FROM ${this.waiting} WHERE relay_id = $1`, [this.relayId]).catch(() => undefined);
      await listener.end().catch(() => undefined);
    }
  }
}

async function rollback(client: PoolClient): Promise<void> {
  await client.query('ROLLBACK').catch(() => undefined);
  client.release();
}
