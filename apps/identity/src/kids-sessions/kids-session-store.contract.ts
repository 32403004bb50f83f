import { randomUUID } from 'node:crypto';
import type { FamilyScope } from '../family-scope/family-scope';
import type { KidsSession, KidsSessionStore } from './kids-session.store';

/** The behaviour every {@link KidsSessionStore} adapter must have (memory and Postgres specs run it). */
export function kidsSessionStoreContract(name: string, make: () => KidsSessionStore | Promise<KidsSessionStore>): void {
  describe(`KidsSessionStore contract: ${name}`, () => {
    let store: KidsSessionStore;
    const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    const tenantId = unique('t');
    const now = new Date('2026-12-01T10:00:00.000Z');
    let parent: string;
    let child: string;
    let scope: FamilyScope;
    const session = (patch: Partial<KidsSession> = {}): KidsSession => ({
      sessionId: randomUUID(),
      tenantId,
      parentUserId: parent,
      childProfileId: child,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 4 * 3600_000),
      ...patch,
    });

    beforeEach(async () => {
      store = await make();
      parent = unique('p');
      child = unique('k');
      scope = { tenantId, parentUserId: parent };
    });

    it("lists a child's live sessions oldest first, and revokes them", async () => {
      const a = session();
      const b = session({ createdAt: new Date(now.getTime() + 1000) });
      await store.add(scope, b);
      await store.add(scope, a);
      await store.add(scope, session({ childProfileId: unique('k') }));
      expect((await store.live(scope, child, now)).map((s) => s.sessionId)).toEqual([a.sessionId, b.sessionId]);
      expect(await store.markRevoked(scope, [a.sessionId, b.sessionId], now)).toBe(2);
      expect(await store.markRevoked(scope, [a.sessionId], now)).toBe(0);
      expect(await store.live(scope, child, now)).toEqual([]);
    });

    it('erases every session row of a child, only within the scope', async () => {
      const revoked = session();
      await store.add(scope, revoked);
      await store.markRevoked(scope, [revoked.sessionId], now);
      await store.add(scope, session());
      expect(await store.eraseChild({ tenantId, parentUserId: unique('p') }, child)).toBe(0);
      expect(await store.eraseChild(scope, child)).toBe(2);
      expect(await store.live(scope, child, now)).toEqual([]);
    });

    it('leaves out sessions that are over', async () => {
      await store.add(scope, session({ expiresAt: new Date(now.getTime() + 1000) }));
      expect(await store.live(scope, child, new Date(now.getTime() + 1000))).toEqual([]);
    });

    it("hides a family's sessions from another parent, not from the service scope", async () => {
      const s = session();
      await store.add(scope, s);
      const other: FamilyScope = { tenantId, parentUserId: unique('p') };
      expect(await store.live(other, child, now)).toEqual([]);
      expect(await store.markRevoked(other, [s.sessionId], now)).toBe(0);
      await expect(store.add(other, session())).rejects.toThrow();
      expect(await store.live({ tenantId, service: true }, child, now)).toHaveLength(1);
    });
  });
}
