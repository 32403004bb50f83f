import { randomUUID } from 'node:crypto';
import type { SessionRecord, SessionStore } from './session-store';

const hash = () => randomUUID().replace(/-/g, '').padEnd(64, '0');

/** The behaviour every {@link SessionStore} adapter must have. */
export function sessionStoreContract(name: string, make: () => SessionStore): void {
  describe(`SessionStore contract: ${name}`, () => {
    let store: SessionStore;
    const now = Date.now();
    const tenant = `t${randomUUID().slice(0, 8)}`;

    beforeEach(() => {
      store = make();
    });

    async function open(userId = 'u1'): Promise<{ session: SessionRecord; token: string }> {
      const session: SessionRecord = {
        id: randomUUID(),
        tenantId: tenant,
        userId,
        roles: ['user'],
        createdAt: now,
        lastUsedAt: now,
        expiresAt: now + 3_600_000,
        revokedAt: null,
        revokeReason: null,
        userAgent: 'jest',
      };
      const token = hash();
      await store.createSession(session, { hash: token, sessionId: session.id, expiresAt: session.expiresAt });
      return { session, token };
    }
    const minter =
      (nextHash: string, cipher = 'sealed') =>
      (s: SessionRecord) => ({ next: { hash: nextHash, sessionId: s.id, expiresAt: s.expiresAt }, graceCipher: cipher });

    it("keeps a session's claims, also for the session a rotation hands the minter", async () => {
      const claims = { mm_role: 'child', child_profile_id: 'k1', parent_user_id: 'p1' };
      const session: SessionRecord = {
        id: randomUUID(),
        tenantId: tenant,
        userId: 'child:k1',
        roles: ['child'],
        createdAt: now,
        lastUsedAt: now,
        expiresAt: now + 3_600_000,
        revokedAt: null,
        revokeReason: null,
        userAgent: null,
        claims,
      };
      const token = hash();
      await store.createSession(session, { hash: token, sessionId: session.id, expiresAt: session.expiresAt });
      expect((await store.getSession(session.id))?.claims).toEqual(claims);
      let minted: SessionRecord | undefined;
      await store.rotate(token, now, 10_000, (s) => ((minted = s), minter(hash())(s)));
      expect(minted?.claims).toEqual(claims);
      const { session: plain } = await open('u-plain');
      expect((await store.getSession(plain.id))?.claims ?? null).toBeNull();
    });

    it('rotates a live token once; the successor rotates again', async () => {
      const { session, token } = await open();
      const next = hash();
      expect(await store.rotate(token, now, 10_000, minter(next))).toMatchObject({
        kind: 'rotated',
        session: { id: session.id, roles: ['user'] },
      });
      expect((await store.rotate(next, now + 1, 10_000, minter(hash()))).kind).toBe('rotated');
    });

    it('returns the sealed pair inside the grace window and reports reuse after it', async () => {
      const { token } = await open();
      await store.rotate(token, now, 10_000, minter(hash(), 'pair-1'));
      expect(await store.rotate(token, now + 5_000, 10_000, minter(hash()))).toMatchObject({ kind: 'grace', graceCipher: 'pair-1' });
      expect((await store.rotate(token, now + 10_001, 10_000, minter(hash()))).kind).toBe('reuse');
    });

    it('lets exactly one of concurrent rotations win', async () => {
      const { token } = await open();
      const results = await Promise.all(Array.from({ length: 8 }, () => store.rotate(token, now, 10_000, minter(hash()))));
      expect(results.filter((r) => r.kind === 'rotated')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'grace')).toHaveLength(7);
    });

    it('keeps exactly one winner when the minter is async (signing the access token is)', async () => {
      const { token } = await open();
      const slow = (s: SessionRecord) =>
        new Promise<ReturnType<ReturnType<typeof minter>>>((resolve) => setTimeout(() => resolve(minter(hash(), 'slow')(s)), 20));
      const results = await Promise.all(Array.from({ length: 8 }, () => store.rotate(token, now, 10_000, slow)));
      expect(results.filter((r) => r.kind === 'rotated')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'grace')).toEqual(Array(7).fill(expect.objectContaining({ graceCipher: 'slow' })));
    });

    it('treats unknown, expired and revoked tokens as invalid, for every descendant', async () => {
      expect((await store.rotate(hash(), now, 10_000, minter(hash()))).kind).toBe('invalid');
      const { session, token } = await open();
      const next = hash();
      await store.rotate(token, now, 10_000, minter(next));
      expect(await store.revokeSession(session.id, 'test', now)).toBe(true);
      expect(await store.revokeSession(session.id, 'test', now)).toBe(false);
      expect((await store.rotate(next, now, 10_000, minter(hash()))).kind).toBe('invalid');
      expect((await store.rotate(token, now + 1, 10_000, minter(hash()))).kind).toBe('invalid');
      expect((await store.getSession(session.id))?.revokeReason).toBe('test');
      const late = await open();
      expect((await store.rotate(late.token, now + 3_600_001, 10_000, minter(hash()))).kind).toBe('invalid');
    });

    it('returns null for a session id it never stored, live and revoked ones as they are (bearer auth fails closed on null)', async () => {
      expect(await store.getSession(randomUUID())).toBeNull();
      const { session } = await open();
      expect(await store.getSession(session.id)).toMatchObject({ id: session.id, revokedAt: null });
      await store.revokeSession(session.id, 'logout', now);
      expect(await store.getSession(session.id)).toMatchObject({ id: session.id, revokedAt: expect.any(Number), revokeReason: 'logout' });
    });

    it('lists live sessions of one user in one tenant, newest first', async () => {
      const user = `u${randomUUID().slice(0, 6)}`;
      const a = await open(user);
      const b = await open(user);
      await open('someone-else');
      await store.revokeSession(a.session.id, 'x', now);
      expect((await store.listSessions(tenant, user, now)).map((s) => s.id)).toEqual([b.session.id]);
      expect(await store.listSessions(`${tenant}x`, user, now)).toEqual([]);
    });
  });
}
