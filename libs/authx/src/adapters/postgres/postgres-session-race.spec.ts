import { createPgPool } from '@mikasmissions/persistence';
import { createLibSchema, dropSchema, testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import type { AuditService } from '../../audit/audit.service';
import type { ResolvedAuthxOptions } from '../../authx.options';
import { SessionService, type TokenPair } from '../../sessions/session.service';
import { JwtCodec } from '../../tokens/jwt-codec';
import { SecretBox } from '../../tokens/secret-box';
import { MemoryRoleAssignmentStore } from '../memory/memory-role-assignment.store';
import { outageAsUnavailable } from '../outage-as-unavailable';
import { PostgresSessionStore } from './postgres-session.store';

const SECRET = 'race-test-secret-0123456789-0123456789';

type Outcome = { ok: true; pair: TokenPair } | { ok: false; status: number; code: string };

/**
 * Issue 9, fault 5: the refresh-reuse race deadlocked in Postgres (rotation locked the token and
 * then the session, revocation the session and then the tokens) and one surfaced as a 503.
 */
describe('PostgresSessionStore under the refresh-reuse race (real Postgres)', () => {
  let pool: Pool;
  let schema: string;

  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 24);
    schema = await createLibSchema(pool, ['authx'], 'authx_race');
  });
  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  const service = (graceSec: number) =>
    new SessionService(
      outageAsUnavailable(new PostgresSessionStore(pool, schema)),
      new MemoryRoleAssignmentStore(),
      new JwtCodec({ kind: 'secret', secret: SECRET }),
      new SecretBox(SECRET),
      { record: async () => undefined } as unknown as AuditService,
      { accessTokenTtlSec: 60, refreshTokenTtlSec: 3_600, refreshGraceSec: graceSec } as ResolvedAuthxOptions,
    );

  const attempt = async (sessions: SessionService, token: string): Promise<Outcome> => {
    try {
      return { ok: true, pair: await sessions.refresh(token) };
    } catch (error) {
      const e = error as { status?: number; code?: string; message?: string };
      return { ok: false, status: e.status ?? 500, code: e.code ?? String(e.message) };
    }
  };

  it('never deadlocks (no 503) when rotated and current tokens of many sessions are refreshed at once; reuse revokes the session', async () => {
    const sessions = service(0);
    const rounds = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const first = await sessions.open({ tenantId: 'race', userId: `u${i}`, roles: ['user'] });
        const second = await sessions.refresh(first.refreshToken);
        await new Promise((resolve) => setTimeout(resolve, 5));
        const burst = await Promise.all(
          Array.from({ length: 8 }, (_, j) => attempt(sessions, j % 2 === 0 ? first.refreshToken : second.refreshToken)),
        );
        return { sessionId: first.sessionId, burst };
      }),
    );
    const outcomes = rounds.flatMap((r) => r.burst);
    const failures = outcomes.filter((o): o is Extract<Outcome, { ok: false }> => !o.ok);
    expect(failures.filter((f) => f.status !== 401)).toEqual([]);
    // Which of the two a loser sees depends on whether the revocation committed first; both are right.
    expect(failures.filter((f) => f.code !== 'refresh_token_reused' && f.code !== 'refresh_token_invalid')).toEqual([]);
    for (const { sessionId, burst } of rounds) {
      expect(burst.some((o) => !o.ok && o.code === 'refresh_token_reused')).toBe(true);
      expect(await sessions.state(sessionId)).toBe('revoked');
      for (const o of burst) if (o.ok) expect((await attempt(sessions, o.pair.refreshToken)).ok).toBe(false);
    }
  });

  it('gives one rotation and the same pair to every concurrent caller inside the grace window', async () => {
    const sessions = service(10);
    for (let round = 0; round < 5; round++) {
      const first = await sessions.open({ tenantId: 'race', userId: `g${round}`, roles: ['user'] });
      const burst = await Promise.all(Array.from({ length: 16 }, () => attempt(sessions, first.refreshToken)));
      expect(burst.filter((o) => !o.ok)).toEqual([]);
      const tokens = new Set(burst.map((o) => (o.ok ? o.pair.refreshToken : '')));
      expect(tokens.size).toBe(1);
      const next = burst[0]!.ok ? burst[0].pair.refreshToken : '';
      expect((await attempt(sessions, next)).ok).toBe(true);
      expect(await sessions.state(first.sessionId)).toBe('live');
    }
  });
});
