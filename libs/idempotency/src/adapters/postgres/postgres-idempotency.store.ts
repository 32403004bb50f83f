import { randomUUID } from 'node:crypto';
import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { ClaimResult, IdempotencyStore, StoredResponse } from '../../ports/idempotency-store';

type Row = { fingerprint: string; token: string | null; response: StoredResponse | string | null };

const ms = (param: string) => `(${param}::bigint * interval '1 millisecond')`;

/**
 * Idempotency records in the service's Postgres schema (table `idempotency_keys`, from
 * `libs/idempotency/sql`). `claim`, `renew` and `release` run on the pool, on their own: a
 * claim is visible to every replica at once. `complete` joins the caller's transaction
 * (`SqlTransactions.client()`), so inside {@link unitOfWork} the answer commits with the
 * handler's rows and outbox rows: a crash before the commit leaves only the claim, which
 * expires after its lock TTL (the retry runs fresh, nothing was kept); after it the retry
 * replays the answer. The answer's UPDATE checks the claim's token and locks the row until the
 * commit, so a claim taken over after expiry rolls the slower holder back instead of keeping
 * both. Expired rows are deleted by {@link purgeExpired}, in bounded batches.
 */
export class PostgresIdempotencyStore extends IdempotencyStore {
  override readonly transactional = true;
  private readonly table: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema: string,
  ) {
    super();
    this.table = `${quoteSchema(schema)}."idempotency_keys"`;
  }

  override unitOfWork<T>(fn: () => Promise<T>): Promise<T> {
    return this.sql.run(fn);
  }

  async claim(key: string, fingerprint: string, lockTtlMs: number): Promise<ClaimResult> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const token = randomUUID();
      const { rows: won } = await this.sql.pool.query(
        `INSERT INTO ${this.table} AS k (key, fingerprint, token, expires_at) VALUES ($1, $2, $3, now() + ${ms('$4')})
         ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, token = EXCLUDED.token, response = NULL,
                expires_at = EXCLUDED.expires_at, created_at = now()
          WHERE k.expires_at <= now()
         RETURNING 1`,
        [key, fingerprint, token, lockTtlMs],
      );
      if (won.length > 0) return { outcome: 'claimed', token };
      const { rows } = await this.sql.pool.query<Row>(
        `SELECT fingerprint, token, response FROM ${this.table} WHERE key = $1 AND expires_at > now()`,
        [key],
      );
      const found = rows[0];
      if (!found) continue;
      if (found.response !== null) {
        const response = typeof found.response === 'string' ? (JSON.parse(found.response) as StoredResponse) : found.response;
        return { outcome: 'completed', fingerprint: found.fingerprint, response };
      }
      return { outcome: 'in-flight', fingerprint: found.fingerprint };
    }
    throw new Error('idempotency: the key changed hands three times during one claim');
  }

  async renew(key: string, token: string, lockTtlMs: number): Promise<boolean> {
    const { rows } = await this.sql.pool.query(
      `UPDATE ${this.table} SET expires_at = now() + ${ms('$3')} WHERE key = $1 AND token = $2 AND expires_at > now() RETURNING 1`,
      [key, token, lockTtlMs],
    );
    return rows.length > 0;
  }

  async complete(key: string, token: string, response: StoredResponse, ttlMs: number): Promise<boolean> {
    const rows = await this.sql
      .client()
      .query(
        `UPDATE ${this.table} SET token = NULL, response = $3::jsonb, expires_at = now() + ${ms('$4')} WHERE key = $1 AND token = $2 RETURNING 1 AS ok`,
        [key, token, JSON.stringify(response), ttlMs],
      );
    return rows.length > 0;
  }

  async release(key: string, token: string): Promise<void> {
    await this.sql.pool.query(`DELETE FROM ${this.table} WHERE key = $1 AND token = $2`, [key, token]);
  }

  /**
   * Deletes up to `batchSize` expired rows (answers past their retention, claims of crashed
   * holders), oldest first, skipping rows another purge holds. Returns how many went.
   */
  async purgeExpired(batchSize: number): Promise<number> {
    const { rowCount } = await this.sql.pool.query(
      `DELETE FROM ${this.table} WHERE key IN (
         SELECT key FROM ${this.table} WHERE expires_at <= now() ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)`,
      [batchSize],
    );
    return rowCount ?? 0;
  }

  /** Whether the schema holds the table (the service declared `idempotency` in its platform.json and was migrated). */
  async tableExists(): Promise<boolean> {
    const { rows } = await this.sql.pool.query<{ present: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS present`, [this.table]);
    return rows[0]?.present === true;
  }
}
