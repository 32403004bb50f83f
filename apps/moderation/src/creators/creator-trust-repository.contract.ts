import type { CreatorTrustRepository } from './creator-trust.repository';

/** The behaviour every CreatorTrustRepository adapter must have (memory and Postgres specs run it). */
export function creatorTrustRepositoryContract(name: string, make: () => Promise<CreatorTrustRepository> | CreatorTrustRepository): void {
  describe(`moderation CreatorTrustRepository contract: ${name}`, () => {
    let repo: CreatorTrustRepository;
    const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

    beforeEach(async () => {
      repo = await make();
    });

    it('has no level for a creator no admin has set', async () => {
      expect(await repo.find(unique('tenant'), unique('creator'))).toBeNull();
    });

    it('stores a level, replaces it, and answers each change with the level it replaced', async () => {
      const [tenantId, creatorId] = [unique('tenant'), unique('creator')];
      const first = await repo.set({ tenantId, creatorId, level: 'trusted', updatedBy: 'admin-1' });
      expect(first).toEqual({
        before: null,
        after: { tenantId, creatorId, level: 'trusted', updatedBy: 'admin-1', updatedAt: expect.any(String) },
      });
      expect(await repo.find(tenantId, creatorId)).toEqual(first.after);
      const second = await repo.set({ tenantId, creatorId, level: 'low', updatedBy: 'admin-2' });
      expect(second.before).toEqual(first.after);
      expect(second.after).toMatchObject({ level: 'low', updatedBy: 'admin-2' });
      expect(Date.parse(second.after.updatedAt)).toBeGreaterThanOrEqual(Date.parse(first.after.updatedAt));
      expect(await repo.find(tenantId, creatorId)).toEqual(second.after);
    });

    it('keeps tenants and creators apart', async () => {
      const [a, b, creatorId] = [unique('tenant-a'), unique('tenant-b'), unique('creator')];
      await repo.set({ tenantId: a, creatorId, level: 'trusted', updatedBy: 'admin-1' });
      expect(await repo.find(b, creatorId)).toBeNull();
      expect(await repo.find(a, unique('other'))).toBeNull();
    });
  });
}
