import type { FamilyScope } from '../family-scope/family-scope';
import type { ControlsRepository } from './controls.repository';
import { strictDefaults, type StoredControls } from './parental-controls';

/** The behaviour every {@link ControlsRepository} adapter must have (memory and Postgres specs run it). */
export function controlsRepositoryContract(name: string, make: () => ControlsRepository | Promise<ControlsRepository>): void {
  describe(`ControlsRepository contract: ${name}`, () => {
    let repo: ControlsRepository;
    const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    const tenant = unique('t');
    const parentA = unique('pa');
    const parentB = unique('pb');
    const asA: FamilyScope = { tenantId: tenant, parentUserId: parentA };
    const asB: FamilyScope = { tenantId: tenant, parentUserId: parentB };
    const service: FamilyScope = { tenantId: tenant, service: true };
    const row = (childProfileId: string, parentUserId = parentA, patch: Partial<StoredControls['controls']> = {}): StoredControls => ({
      tenantId: tenant,
      childProfileId,
      parentUserId,
      controls: { ...strictDefaults(), ...patch },
      updatedBy: parentUserId,
      updatedAt: '2026-12-01T10:00:00.000Z',
    });

    beforeEach(async () => {
      repo = await make();
    });

    it('returns null for a child without stored controls', async () => {
      expect(await repo.find(asA, unique('k'))).toBeNull();
    });

    it("stores and replaces a child's controls", async () => {
      const child = unique('k');
      await repo.save(asA, row(child));
      await repo.save(asA, {
        ...row(child, parentA, { autoplay: true, approved_show_ids: ['s1'], max_age_band: '6-11' }),
        updatedAt: '2026-12-01T11:00:00.000Z',
      });
      expect(await repo.find(asA, child)).toEqual({
        ...row(child, parentA, { autoplay: true, approved_show_ids: ['s1'], max_age_band: '6-11' }),
        updatedAt: '2026-12-01T11:00:00.000Z',
      });
    });

    it("hides a child's controls from another parent and another tenant, not from the service scope", async () => {
      const child = unique('k');
      await repo.save(asA, row(child));
      expect(await repo.find(asB, child)).toBeNull();
      expect(await repo.find({ tenantId: unique('other'), service: true }, child)).toBeNull();
      expect((await repo.find(service, child))?.parentUserId).toBe(parentA);
    });

    it("refuses a write for another parent's child", async () => {
      const child = unique('k');
      await repo.save(asA, row(child));
      await expect(repo.save(asB, row(child, parentB, { autoplay: true }))).rejects.toThrow();
      await expect(repo.save(asB, row(unique('k'), parentA))).rejects.toThrow();
      expect((await repo.find(asA, child))?.controls.autoplay).toBe(false);
    });

    it("erases a child's controls, only within the scope", async () => {
      const child = unique('k');
      await repo.save(asA, row(child));
      expect(await repo.erase(asB, child)).toBe(0);
      expect(await repo.erase(asA, child)).toBe(1);
      expect(await repo.find(asA, child)).toBeNull();
      expect(await repo.erase(asA, child)).toBe(0);
    });

    it('hands out copies', async () => {
      const child = unique('k');
      await repo.save(asA, row(child));
      const found = (await repo.find(asA, child)) as StoredControls;
      found.controls.blocked_show_ids.push('x');
      expect((await repo.find(asA, child))?.controls.blocked_show_ids).toEqual([]);
    });
  });
}
