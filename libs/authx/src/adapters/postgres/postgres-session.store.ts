import { inPgTransaction } from '@mikasmissions/persistence';
import type { Pool, PoolClient } from 'pg';
import {
  SessionStore,
  type RefreshTokenRecord,
  type RotateResult,
  type RotationMinter,
  type SessionRecord,
} from '../../ports/session-store';
import { DEFAULT_AUTHX_SCHEMA, quoteSchema } from './postgres-schema';

/** How often a transaction aborted as a deadlock or serialization failure runs again. */
const TX_ATTEMPTS = 3;
const RETRYABLE = new Set(['40P01', '40001']);

interface SessionRow {
  id: string;
  tenant_id: string;
  user_id: string;
  roles: string[];
  created_at: Date;
  last_used_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  revoke_reason: string | null;
  user_agent: string | null;
  claims: Record<string, string> | null;
}

const toSession = (r: SessionRow): SessionRecord => ({
  id: r.id,
  tenantId: r.tenant_id,
  userId: r.user_id,
  roles: r.roles,
  createdAt: r.created_at.getTime(),
  lastUsedAt: r.last_used_at.getTime(),
  expiresAt: r.expires_at.getTime(),
  revokedAt: r.revoked_at ? r.revoked_at.getTime() : null,
  revokeReason: r.revoke_reason,
  userAgent: r.user_agent,
  claims: r.claims ?? null,
});

/**
 * Sessions and refresh tokens in Postgres (`<schema>.sessions`, `<schema>.refresh_tokens`).
 * Rotation is a conditional UPDATE under the row lock, so one of concurrent callers wins.
 *
 * Lock order, the same in every transaction that writes: the session row first
 * (`SELECT … FOR UPDATE`, or the `UPDATE` of revocation), then its refresh tokens. Rotation once
 * locked the token and then the session while revocation did the reverse, and the refresh-reuse
 * race deadlocked (issue 9, fault 5). A transaction Postgres still aborts as a deadlock (40P01)
 * or serialization failure (40001) is retried up to {@link TX_ATTEMPTS} times.
 */
export class PostgresSessionStore extends SessionStore {
  private readonly schema: string;

  /** `schema`: the service's Postgres schema holding AuthX's tables (validated, quoted). */
  constructor(
    private readonly pool: Pool,
    schema = DEFAULT_AUTHX_SCHEMA,
  ) {
    super();
    this.schema = quoteSchema(schema);
  }

  async createSession(s: SessionRecord, t: RefreshTokenRecord): Promise<void> {
    await this.tx(async (c) => {
      await c.query(
        `INSERT INTO ${this.schema}.sessions (id, tenant_id, user_id, roles, created_at, last_used_at, expires_at, user_agent, claims)
         VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0), to_timestamp($7 / 1000.0), $8, $9)`,
        [
          s.id,
          s.tenantId,
          s.userId,
          s.roles,
          s.createdAt,
          s.lastUsedAt,
          s.expiresAt,
          s.userAgent,
          s.claims ? JSON.stringify(s.claims) : null,
        ],
      );
      await c.query(
        `INSERT INTO ${this.schema}.refresh_tokens (token_hash, session_id, expires_at) VALUES ($1, $2, to_timestamp($3 / 1000.0))`,
        [t.hash, t.sessionId, t.expiresAt],
      );
    });
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query<SessionRow>(`SELECT * FROM ${this.schema}.sessions WHERE id = $1`, [id]);
    return rows[0] ? toSession(rows[0]) : null;
  }

  async rotate(oldHash: string, now: number, graceMs: number, mint: RotationMinter): Promise<RotateResult> {
    return this.tx(async (c) => {
      const owner = await c.query<{ session_id: string }>(`SELECT session_id FROM ${this.schema}.refresh_tokens WHERE token_hash = $1`, [
        oldHash,
      ]);
      const sessionId = owner.rows[0]?.session_id;
      if (!sessionId) return { kind: 'invalid' };
      const locked = await c.query<SessionRow>(`SELECT * FROM ${this.schema}.sessions WHERE id = $1 FOR UPDATE`, [sessionId]);
      const { rows } = await c.query<{ rotated_at: Date | null; grace_cipher: string | null; expires_at: Date }>(
        `SELECT rotated_at, grace_cipher, expires_at FROM ${this.schema}.refresh_tokens WHERE token_hash = $1 FOR UPDATE`,
        [oldHash],
      );
      const row = rows[0];
      if (!row || !locked.rows[0]) return { kind: 'invalid' };
      const session = toSession(locked.rows[0]);
      if (session.revokedAt !== null || session.expiresAt <= now) return { kind: 'invalid' };
      if (row.rotated_at) {
        if (now - row.rotated_at.getTime() <= graceMs && row.grace_cipher) return { kind: 'grace', session, graceCipher: row.grace_cipher };
        return { kind: 'reuse', session };
      }
      if (row.expires_at.getTime() <= now) return { kind: 'invalid' };
      const { next, graceCipher } = await mint({ ...session, lastUsedAt: now });
      await c.query(
        `UPDATE ${this.schema}.refresh_tokens SET rotated_at = to_timestamp($2 / 1000.0), grace_cipher = $3 WHERE token_hash = $1`,
        [oldHash, now, graceCipher],
      );
      await c.query(
        `INSERT INTO ${this.schema}.refresh_tokens (token_hash, session_id, parent_hash, expires_at) VALUES ($1, $2, $3, to_timestamp($4 / 1000.0))`,
        [next.hash, next.sessionId, oldHash, next.expiresAt],
      );
      await c.query(`UPDATE ${this.schema}.sessions SET last_used_at = to_timestamp($2 / 1000.0) WHERE id = $1`, [session.id, now]);
      return { kind: 'rotated', session: { ...session, lastUsedAt: now } };
    });
  }

  async revokeSession(id: string, reason: string, now: number): Promise<boolean> {
    return this.tx(async (c) => {
      await c.query(`SELECT 1 FROM ${this.schema}.sessions WHERE id = $1 FOR UPDATE`, [id]);
      const { rowCount } = await c.query(
        `UPDATE ${this.schema}.sessions SET revoked_at = to_timestamp($2 / 1000.0), revoke_reason = $3 WHERE id = $1 AND revoked_at IS NULL`,
        [id, now, reason],
      );
      await c.query(`UPDATE ${this.schema}.refresh_tokens SET grace_cipher = NULL WHERE session_id = $1`, [id]);
      return (rowCount ?? 0) > 0;
    });
  }

  async listSessions(tenantId: string, userId: string, now: number): Promise<SessionRecord[]> {
    const { rows } = await this.pool.query<SessionRow>(
      `SELECT * FROM ${this.schema}.sessions WHERE tenant_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > to_timestamp($3 / 1000.0)
        ORDER BY created_at DESC LIMIT 100`,
      [tenantId, userId, now],
    );
    return rows.map(toSession);
  }

  private async tx<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await inPgTransaction(this.pool, work);
      } catch (error) {
        if (attempt >= TX_ATTEMPTS || !RETRYABLE.has((error as { code?: string }).code ?? '')) throw error;
      }
    }
  }
}
