import type { PreferencesRepository } from './preferences.repository';

/** The behaviour every PreferencesRepository adapter must have (memory and Postgres specs call it). */
export function preferencesRepositoryContract(name: string, make: () => Promise<PreferencesRepository> | PreferencesRepository): void {
  describe(`PreferencesRepository contract: ${name}`, () => {
    let repo: PreferencesRepository;
    const id = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

    beforeEach(async () => {
      repo = await make();
    });

    it('finds nothing for a parent that never set a preference', async () => {
      expect(await repo.find('t1', id('p'))).toBeNull();
    });

    it('creates on first update, keeps the values a later patch leaves out, and stamps the change', async () => {
      const p = id('p');
      const before = Date.now();
      const first = await repo.update('t1', p, { digest: false });
      expect(first).toEqual({
        tenantId: 't1',
        parentUserId: p,
        digest: false,
        receipts: null,
        welcome: null,
        timezone: null,
        updatedAt: expect.any(String),
      });
      expect(Date.parse(first.updatedAt)).toBeGreaterThanOrEqual(before - 1000);
      const second = await repo.update('t1', p, { welcome: false, timezone: 'Europe/Berlin' });
      expect(second).toMatchObject({ digest: false, receipts: null, welcome: false, timezone: 'Europe/Berlin' });
      const third = await repo.update('t1', p, { digest: true, welcome: undefined });
      expect(third).toMatchObject({ digest: true, welcome: false, timezone: 'Europe/Berlin' });
      expect(await repo.find('t1', p)).toEqual(third);
    });

    it('finds many at once, leaving out parents without preferences', async () => {
      const [a, b, none] = [id('a'), id('b'), id('none')];
      await repo.update('t1', a, { digest: false });
      await repo.update('t1', b, { welcome: false });
      const found = await repo.findMany('t1', [a, b, none]);
      expect([...found.keys()].sort()).toEqual([a, b].sort());
      expect(found.get(a)?.digest).toBe(false);
      expect(await repo.findMany('t2', [a])).toEqual(new Map());
      expect(await repo.findMany('t1', [])).toEqual(new Map());
    });

    it('keeps tenants and parents apart', async () => {
      const p = id('p');
      await repo.update('t1', p, { receipts: false });
      expect(await repo.find('t2', p)).toBeNull();
      expect(await repo.find('t1', id('other'))).toBeNull();
    });

    it('hands out copies', async () => {
      const p = id('p');
      const stored = await repo.update('t1', p, { digest: true });
      stored.digest = false;
      expect((await repo.find('t1', p))?.digest).toBe(true);
    });
  });
}
