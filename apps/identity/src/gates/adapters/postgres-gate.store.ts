import { quoteSchema, type SqlTransactions } from '@mikasmissions/persistence';
import { rowScopeOf, type FamilyScope } from '../../family-scope/family-scope';
import type { FailureOutcome, GateChallenge, GateMethod, GateToken, LockoutPolicy } from '../gate-records';
import { GateStore } from '../gate.store';

interface ChallengeRow {
  id: string;
  tenant_id: string;
  parent_user_id: string;
  child_profile_id: string;
  method: GateMethod;
  answer_hash: string | null;
  created_at: Date;
  expires_at: Date;
}

/**
 * {@link GateStore} on identity's `parent_pins`, `gate_challenges`, `gate_lockouts` and
 * `gate_tokens`, every statement under the caller's row scope (the `family_scope` policies).
 * Taking a challenge and consuming a token are single conditional UPDATEs, so one caller wins.
 */
export class PostgresGateStore extends GateStore {
  private readonly s: string;

  constructor(
    private readonly sql: SqlTransactions,
    schema = 'identity',
  ) {
    super();
    this.s = quoteSchema(schema);
  }

  private q<R>(scope: FamilyScope, text: string, params: unknown[]): Promise<R[]> {
    return this.sql.runScoped(rowScopeOf(scope), () => this.sql.client().query<R>(text, params));
  }

  async setPin(scope: FamilyScope, parentUserId: string, pinHash: string, at: Date): Promise<void> {
    await this.q(
      scope,
      `INSERT INTO ${this.s}.parent_pins (tenant_id, parent_user_id, pin_hash, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, parent_user_id) DO UPDATE SET pin_hash = EXCLUDED.pin_hash, updated_at = EXCLUDED.updated_at`,
      [scope.tenantId, parentUserId, pinHash, at],
    );
  }

  async pinHash(scope: FamilyScope, parentUserId: string): Promise<string | null> {
    const rows = await this.q<{ pin_hash: string }>(
      scope,
      `SELECT pin_hash FROM ${this.s}.parent_pins WHERE tenant_id = $1 AND parent_user_id = $2`,
      [scope.tenantId, parentUserId],
    );
    return rows[0]?.pin_hash ?? null;
  }

  async createChallenge(scope: FamilyScope, c: GateChallenge): Promise<void> {
    await this.q(
      scope,
      `INSERT INTO ${this.s}.gate_challenges (id, tenant_id, parent_user_id, child_profile_id, method, answer_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.id, c.tenantId, c.parentUserId, c.childProfileId, c.method, c.answerHash, c.createdAt, c.expiresAt],
    );
  }

  async takeChallenge(
    scope: FamilyScope,
    ref: { id: string; parentUserId: string; childProfileId: string; now: Date },
  ): Promise<GateChallenge | null> {
    if (!/^[0-9a-f-]{36}$/i.test(ref.id)) return null;
    const rows = await this.q<ChallengeRow>(
      scope,
      `UPDATE ${this.s}.gate_challenges SET used_at = $4
       WHERE id = $1 AND tenant_id = $5 AND parent_user_id = $2 AND child_profile_id = $3 AND used_at IS NULL AND expires_at > $4
       RETURNING id, tenant_id, parent_user_id, child_profile_id, method, answer_hash, created_at, expires_at`,
      [ref.id, ref.parentUserId, ref.childProfileId, ref.now, scope.tenantId],
    );
    const r = rows[0];
    return r
      ? {
          id: r.id,
          tenantId: r.tenant_id,
          parentUserId: r.parent_user_id,
          childProfileId: r.child_profile_id,
          method: r.method,
          answerHash: r.answer_hash,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        }
      : null;
  }

  async lockedUntil(scope: FamilyScope, parentUserId: string, now: Date): Promise<Date | null> {
    const rows = await this.q<{ locked_until: Date }>(
      scope,
      `SELECT locked_until FROM ${this.s}.gate_lockouts WHERE tenant_id = $1 AND parent_user_id = $2 AND locked_until > $3`,
      [scope.tenantId, parentUserId, now],
    );
    return rows[0]?.locked_until ?? null;
  }

  async recordFailure(scope: FamilyScope, parentUserId: string, now: Date, policy: LockoutPolicy): Promise<FailureOutcome> {
    return this.sql.runScoped(rowScopeOf(scope), async () => {
      const db = this.sql.client();
      const where = `WHERE tenant_id = $1 AND parent_user_id = $2`;
      await db.query(
        `INSERT INTO ${this.s}.gate_lockouts (tenant_id, parent_user_id, failures, window_started_at) VALUES ($1, $2, 0, $3) ON CONFLICT DO NOTHING`,
        [scope.tenantId, parentUserId, now],
      );
      const [row] = await db.query<{ failures: number; window_started_at: Date }>(
        `SELECT failures, window_started_at FROM ${this.s}.gate_lockouts ${where} FOR UPDATE`,
        [scope.tenantId, parentUserId],
      );
      const fresh = row.failures === 0 || now.getTime() - row.window_started_at.getTime() > policy.windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMs) : null;
      await db.query(
        `UPDATE ${this.s}.gate_lockouts SET failures = $3, window_started_at = $4, locked_until = COALESCE($5, locked_until) ${where}`,
        [scope.tenantId, parentUserId, lockedUntil ? 0 : failures, fresh || lockedUntil ? now : row.window_started_at, lockedUntil],
      );
      return { failures, lockedUntil };
    });
  }

  async clearFailures(scope: FamilyScope, parentUserId: string): Promise<void> {
    await this.q(scope, `DELETE FROM ${this.s}.gate_lockouts WHERE tenant_id = $1 AND parent_user_id = $2`, [scope.tenantId, parentUserId]);
  }

  async issueToken(scope: FamilyScope, t: GateToken): Promise<void> {
    await this.q(
      scope,
      `INSERT INTO ${this.s}.gate_tokens (token_hash, tenant_id, parent_user_id, child_profile_id, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [t.tokenHash, t.tenantId, t.parentUserId, t.childProfileId, t.expiresAt],
    );
  }

  async purgeExpired(scope: FamilyScope, parentUserId: string, before: Date): Promise<number> {
    return this.sql.runScoped(rowScopeOf(scope), async () => {
      const db = this.sql.client();
      const params = [scope.tenantId, parentUserId, before];
      const challenges = await db.query(
        `DELETE FROM ${this.s}.gate_challenges WHERE tenant_id = $1 AND parent_user_id = $2 AND expires_at < $3 RETURNING 1 AS ok`,
        params,
      );
      const tokens = await db.query(
        `DELETE FROM ${this.s}.gate_tokens WHERE tenant_id = $1 AND parent_user_id = $2 AND expires_at < $3 RETURNING 1 AS ok`,
        params,
      );
      return challenges.length + tokens.length;
    });
  }

  async eraseChild(scope: FamilyScope, childProfileId: string): Promise<number> {
    return this.sql.runScoped(rowScopeOf(scope), async () => {
      const db = this.sql.client();
      const params = [scope.tenantId, childProfileId];
      const challenges = await db.query(
        `DELETE FROM ${this.s}.gate_challenges WHERE tenant_id = $1 AND child_profile_id = $2 RETURNING 1 AS ok`,
        params,
      );
      const tokens = await db.query(
        `DELETE FROM ${this.s}.gate_tokens WHERE tenant_id = $1 AND child_profile_id = $2 RETURNING 1 AS ok`,
        params,
      );
      return challenges.length + tokens.length;
    });
  }

  async consumeToken(scope: FamilyScope, ref: { tokenHash: string; childProfileId: string; now: Date }): Promise<boolean> {
    const rows = await this.q(
      scope,
      `UPDATE ${this.s}.gate_tokens SET consumed_at = $3
       WHERE token_hash = $1 AND tenant_id = $4 AND child_profile_id = $2 AND consumed_at IS NULL AND expires_at > $3
       RETURNING 1 AS ok`,
      [ref.tokenHash, ref.childProfileId, ref.now, scope.tenantId],
    );
    return rows.length > 0;
  }
}
