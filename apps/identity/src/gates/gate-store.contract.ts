import { randomUUID } from 'node:crypto';
import type { FamilyScope } from '../family-scope/family-scope';
import { GATE_LOCKOUT, type GateChallenge } from './gate-records';
import type { GateStore } from './gate.store';

/** The behaviour every {@link GateStore} adapter must have (memory and Postgres specs run it). */
export function gateStoreContract(name: string, make: () => GateStore | Promise<GateStore>): void {
  describe(`GateStore contract: ${name}`, () => {
    let store: GateStore;
    const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    const tenantId = unique('t');
    let parent: string;
    let child: string;
    let scope: FamilyScope;
    const now = new Date('2026-12-01T10:00:00.000Z');
    const later = (ms: number) => new Date(now.getTime() + ms);
    const challenge = (patch: Partial<GateChallenge> = {}): GateChallenge => ({
      id: randomUUID(),
      tenantId,
      parentUserId: parent,
      childProfileId: child,
      method: 'math',
      answerHash: 'a'.repeat(64),
      createdAt: now,
      expiresAt: later(300_000),
      ...patch,
    });

    beforeEach(async () => {
      store = await make();
      parent = unique('p');
      child = unique('k');
      scope = { tenantId, parentUserId: parent };
    });

    it("stores, replaces and hides a parent's PIN hash", async () => {
      expect(await store.pinHash(scope, parent)).toBeNull();
      await store.setPin(scope, parent, 'hash-1', now);
      await store.setPin(scope, parent, 'hash-2', later(1));
      expect(await store.pinHash(scope, parent)).toBe('hash-2');
      expect(await store.pinHash({ tenantId, parentUserId: unique('p') }, parent)).toBeNull();
    });

    it('hands a live challenge out once, only to its parent and child', async () => {
      const c = challenge();
      await store.createChallenge(scope, c);
      expect(await store.takeChallenge(scope, { id: c.id, parentUserId: parent, childProfileId: unique('k'), now })).toBeNull();
      expect(
        await store.takeChallenge({ tenantId, parentUserId: unique('p') }, { id: c.id, parentUserId: parent, childProfileId: child, now }),
      ).toBeNull();
      expect(await store.takeChallenge(scope, { id: c.id, parentUserId: parent, childProfileId: child, now })).toMatchObject({
        id: c.id,
        method: 'math',
        answerHash: c.answerHash,
      });
      expect(await store.takeChallenge(scope, { id: c.id, parentUserId: parent, childProfileId: child, now })).toBeNull();
    });

    it('refuses an expired or unknown challenge', async () => {
      const c = challenge();
      await store.createChallenge(scope, c);
      expect(await store.takeChallenge(scope, { id: c.id, parentUserId: parent, childProfileId: child, now: later(300_000) })).toBeNull();
      expect(await store.takeChallenge(scope, { id: randomUUID(), parentUserId: parent, childProfileId: child, now })).toBeNull();
      expect(await store.takeChallenge(scope, { id: 'not-a-uuid', parentUserId: parent, childProfileId: child, now })).toBeNull();
    });

    it('lets exactly one of concurrent takers win', async () => {
      const c = challenge();
      await store.createChallenge(scope, c);
      const results = await Promise.all(
        Array.from({ length: 5 }, () => store.takeChallenge(scope, { id: c.id, parentUserId: parent, childProfileId: child, now })),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('locks on the 5th wrong answer within the window, for 15 minutes', async () => {
      for (let i = 1; i <= 4; i++)
        expect(await store.recordFailure(scope, parent, later(i * 1000), GATE_LOCKOUT)).toEqual({ failures: i, lockedUntil: null });
      expect(await store.lockedUntil(scope, parent, later(5000))).toBeNull();
      const fifth = await store.recordFailure(scope, parent, later(5000), GATE_LOCKOUT);
      expect(fifth).toEqual({ failures: 5, lockedUntil: later(5000 + GATE_LOCKOUT.lockMs) });
      expect(await store.lockedUntil(scope, parent, later(6000))).toEqual(later(5000 + GATE_LOCKOUT.lockMs));
      expect(await store.lockedUntil(scope, parent, later(5000 + GATE_LOCKOUT.lockMs))).toBeNull();
    });

    it('starts counting again after the window, and after clearFailures', async () => {
      for (let i = 0; i < 4; i++) await store.recordFailure(scope, parent, now, GATE_LOCKOUT);
      expect((await store.recordFailure(scope, parent, later(GATE_LOCKOUT.windowMs + 1), GATE_LOCKOUT)).failures).toBe(1);
      await store.clearFailures(scope, parent);
      expect((await store.recordFailure(scope, parent, later(GATE_LOCKOUT.windowMs + 2), GATE_LOCKOUT)).failures).toBe(1);
    });

    it('consumes a gate token once, only for its child, only while live', async () => {
      const tokenHash = randomUUID().replace(/-/g, '').padEnd(64, '0');
      await store.issueToken(scope, { tokenHash, tenantId, parentUserId: parent, childProfileId: child, expiresAt: later(300_000) });
      expect(await store.consumeToken(scope, { tokenHash, childProfileId: unique('k'), now })).toBe(false);
      expect(await store.consumeToken(scope, { tokenHash, childProfileId: child, now: later(300_000) })).toBe(false);
      const service: FamilyScope = { tenantId, service: true };
      expect(await store.consumeToken(service, { tokenHash, childProfileId: child, now })).toBe(true);
      expect(await store.consumeToken(service, { tokenHash, childProfileId: child, now })).toBe(false);
    });

    it("purges a parent's expired challenges and tokens, not live ones nor another parent's", async () => {
      const other = unique('p');
      const otherScope: FamilyScope = { tenantId, parentUserId: other };
      await store.createChallenge(scope, challenge({ expiresAt: later(1000) }));
      const live = challenge({ expiresAt: later(600_000) });
      await store.createChallenge(scope, live);
      await store.issueToken(scope, {
        tokenHash: randomUUID().replace(/-/g, '').padEnd(64, '2'),
        tenantId,
        parentUserId: parent,
        childProfileId: child,
        expiresAt: later(1000),
      });
      const theirs = challenge({ parentUserId: other, expiresAt: later(1000) });
      await store.createChallenge(otherScope, theirs);
      expect(await store.purgeExpired(scope, parent, later(2000))).toBe(2);
      expect(await store.purgeExpired(scope, parent, later(2000))).toBe(0);
      expect(await store.takeChallenge(scope, { id: live.id, parentUserId: parent, childProfileId: child, now })).not.toBeNull();
      expect(await store.takeChallenge(otherScope, { id: theirs.id, parentUserId: other, childProfileId: child, now })).not.toBeNull();
    });

    it("erases a child's challenges and tokens, not its sibling's, only within the scope", async () => {
      const sibling = unique('k');
      await store.createChallenge(scope, challenge());
      const kept = challenge({ childProfileId: sibling });
      await store.createChallenge(scope, kept);
      const tokenHash = randomUUID().replace(/-/g, '').padEnd(64, '3');
      await store.issueToken(scope, { tokenHash, tenantId, parentUserId: parent, childProfileId: child, expiresAt: later(300_000) });
      expect(await store.eraseChild({ tenantId, parentUserId: unique('p') }, child)).toBe(0);
      expect(await store.eraseChild(scope, child)).toBe(2);
      expect(await store.consumeToken(scope, { tokenHash, childProfileId: child, now })).toBe(false);
      expect(await store.takeChallenge(scope, { id: kept.id, parentUserId: parent, childProfileId: sibling, now })).not.toBeNull();
    });

    it("hides another parent's token", async () => {
      const tokenHash = randomUUID().replace(/-/g, '').padEnd(64, '1');
      await store.issueToken(scope, { tokenHash, tenantId, parentUserId: parent, childProfileId: child, expiresAt: later(300_000) });
      expect(await store.consumeToken({ tenantId, parentUserId: unique('p') }, { tokenHash, childProfileId: child, now })).toBe(false);
      expect(await store.consumeToken({ tenantId: unique('t'), service: true }, { tokenHash, childProfileId: child, now })).toBe(false);
      expect(await store.consumeToken(scope, { tokenHash, childProfileId: child, now })).toBe(true);
    });
  });
}
