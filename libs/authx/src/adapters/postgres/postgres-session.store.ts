import { inPgTransaction } from '@mikasmissions/persistence';
import type { Pool, PoolClient } from 'pg';
import { SessionStore, type RefreshTokenRecord, type RotateResult, type RotationMinter, type SessionRecord } from '../../ports/session-store';
import { DEFAULT_AUTHX_SCHEMA, quoteSchema } from './postgres-schema';

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
});

/**
 * Sessions and refresh tokens in Postgres (`<schema>.sessions`, `<schema>.refresh_tokens`).
 * Rotation is a conditional UPDATE under the row lock, so one of concurrent callers wins.
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
        `INSERT INTO ${this.schema}.sessions (id, tenant_id, user_id, roles, created_at, last_used_at, expires_at, user_agent)
         VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0), to_timestamp($6 / 1000.0), to_timestamp($7 / 1000.0), $8)`,
        [s.id, s.tenantId, s.userId, s.roles, s.createdAt, s.lastUsedAt, s.expiresAt, s.userAgent],
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
      const { rows } = await c.query<SessionRow & { rotated_at: Date | null; grace_cipher: string | null; token_expires_at: Date }>(
        `SELECT s.*, t.rotated_at, t.grace_cipher, t.expires_at AS token_expires_at
           FROM ${this.schema}.refresh_tokens t JOIN ${this.schema}.sessions s ON s.id = t.session_id
          WHERE t.token_hash = $1 FOR UPDATE OF t`,
        [oldHash],
      );
      const row = rows[0];
      if (!row) return { kind: 'invalid' };
      const session = toSession(row);
      if (session.revokedAt !== null || session.expiresAt <= now) return { kind: 'invalid' };
      if (row.rotated_at) {
        if (now - row.rotated_at.getTime() <= graceMs && row.grace_cipher) return { kind: 'grace', session, graceCipher: row.grace_cipher };
        return { kind: 'reuse', session };
      }
      if (row.token_expires_at.getTime() <= now) return { kind: 'invalid' };
      const { next, graceCipher } = await mint({ ...session, lastUsedAt: now });
      await c.query(`UPDATE ${this.schema}.refresh_tokens SET rotated_at = to_timestamp($2 / 1000.0), grace_cipher = $3 WHERE token_hash = $1`, [oldHash, now, graceCipher]);
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

  private tx<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inPgTransaction(this.pool, work);
  }

}
