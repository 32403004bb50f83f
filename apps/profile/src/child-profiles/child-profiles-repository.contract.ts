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
    const tenant = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

    beforeEach(async () => {
      repo = await make();
    });

    it('returns what it stored, with an id and a creation time, and finds it by id', async () => {
      const t = tenant('a');
      const before = Date.now();
      const stored = await repo.create({ tenantId: t, name: 'first' });
      expect(stored).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), tenantId: t, name: 'first', createdAt: expect.any(String) });
      expect(Date.parse(stored.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(await repo.find(t, stored.id)).toEqual(stored);
    });

    it('finds nothing for an unknown id, a malformed id or another tenant', async () => {
      const t = tenant('b');
      const stored = await repo.create({ tenantId: t, name: 'mine' });
      expect(await repo.find(t, '00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await repo.find(t, 'not-a-uuid')).toBeNull();
      expect(await repo.find(tenant('other'), stored.id)).toBeNull();
    });

    it('lists newest first, honours the limit and isolates tenants', async () => {
      const t = tenant('c');
      for (const name of ['one', 'two', 'three']) await repo.create({ tenantId: t, name });
      await repo.create({ tenantId: tenant('other'), name: 'elsewhere' });
      expect((await repo.list({ tenantId: t, limit: 10 })).map((row) => row.name)).toEqual(['three', 'two', 'one']);
      expect((await repo.list({ tenantId: t, limit: 2 })).map((row) => row.name)).toEqual(['three', 'two']);
    });

    it('hands out copies: mutating a result does not change the store', async () => {
      const t = tenant('d');
      const stored = await repo.create({ tenantId: t, name: 'original' });
      stored.name = 'changed';
      expect((await repo.find(t, stored.id))?.name).toBe('original');
    });
  });
}
