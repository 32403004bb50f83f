import type { NewChildProfile } from './child-profile';
import type { ChildProfilesRepository } from './child-profiles.repository';

/**
 * The behaviour every ChildProfilesRepository adapter must have. Each adapter's spec calls this
 * with a factory, so the memory and Postgres stores cannot drift apart.
 */
export function childProfilesRepositoryContract(
  name: string,
  make: () => Promise<ChildProfilesRepository> | ChildProfilesRepository,
): void {
  describe(`ChildProfilesRepository contract: ${name}`, () => {
    let repo: ChildProfilesRepository;
    const parent = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const kid = (parentUserId: string, displayName = 'Mia'): NewChildProfile => ({
      parentUserId,
      displayName,
      ageBand: '6-11',
      avatar: 'fox',
    });

    beforeEach(async () => {
      repo = await make();
    });

    it('returns what it stored, with an id and a creation time, and finds it for its parent and for the service', async () => {
      const p = parent('a');
      const before = Date.now();
      const stored = await repo.create(kid(p));
      expect(stored).toEqual({
        childProfileId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        parentUserId: p,
        displayName: 'Mia',
        ageBand: '6-11',
        avatar: 'fox',
        createdAt: expect.any(String),
      });
      expect(Date.parse(stored.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(await repo.findOwned(p, stored.childProfileId)).toEqual(stored);
      expect(await repo.findForService(stored.childProfileId)).toEqual(stored);
    });

    it('finds nothing for an unknown id, a malformed id or another parent', async () => {
      const p = parent('b');
      const stored = await repo.create(kid(p));
      expect(await repo.findOwned(p, '00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await repo.findOwned(p, 'not-a-uuid')).toBeNull();
      expect(await repo.findOwned(parent('other'), stored.childProfileId)).toBeNull();
      expect(await repo.findForService('00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await repo.findForService('not-a-uuid')).toBeNull();
    });

    it("lists a parent's profiles oldest first and never another parent's", async () => {
      const p = parent('c');
      for (const name of ['Ana', 'Ben', 'Cy']) await repo.create(kid(p, name));
      await repo.create(kid(parent('other'), 'Elsewhere'));
      expect((await repo.listByParent(p)).map((row) => row.displayName)).toEqual(['Ana', 'Ben', 'Cy']);
      expect(await repo.listByParent(parent('nobody'))).toEqual([]);
    });

    it('deletes only for the owning parent and returns what it removed', async () => {
      const p = parent('d');
      const stored = await repo.create(kid(p));
      expect(await repo.delete(parent('other'), stored.childProfileId)).toBeNull();
      expect(await repo.findOwned(p, stored.childProfileId)).toEqual(stored);
      expect(await repo.delete(p, 'not-a-uuid')).toBeNull();
      expect(await repo.delete(p, stored.childProfileId)).toEqual(stored);
      expect(await repo.findOwned(p, stored.childProfileId)).toBeNull();
      expect(await repo.findForService(stored.childProfileId)).toBeNull();
      expect(await repo.delete(p, stored.childProfileId)).toBeNull();
    });

    it('pages the distinct parents with a child in a band, ascending by id, and leaves out other bands', async () => {
      const tag = parent('band');
      const [a, b, c, other] = ['1', '2', '3', '4'].map((n) => `${tag}-${n}`);
      await repo.create(kid(b));
      await repo.create(kid(a));
      await repo.create({ ...kid(a, 'Twin'), ageBand: '6-11' });
      await repo.create({ ...kid(c), ageBand: '6-11' });
      await repo.create({ ...kid(other), ageBand: '3-5' });
      const first = await repo.parentsWithChildIn('6-11', `${tag}-0`, 2);
      expect(first).toEqual([a, b]);
      const rest = await repo.parentsWithChildIn('6-11', b, 10);
      expect(rest.filter((id) => id.startsWith(tag))).toEqual([c]);
      expect(rest[0]).toBe(c);
      const all = await repo.parentsWithChildIn('6-11', null, 100_000);
      expect(all).toEqual(expect.arrayContaining([a, b, c]));
      expect(all).not.toContain(other);
      expect(new Set(all).size).toBe(all.length);
      expect(await repo.parentsWithChildIn('3-5', `${tag}-0`, 1)).toEqual([other]);
    });

    it('hands out copies: mutating a result does not change the store', async () => {
      const p = parent('e');
      const stored = await repo.create(kid(p, 'Original'));
      stored.displayName = 'Changed';
      expect((await repo.findOwned(p, stored.childProfileId))?.displayName).toBe('Original');
    });
  });
}
