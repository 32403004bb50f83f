import { randomUUID } from 'node:crypto';
import type { TotpStore } from './totp-store';

/** The behaviour every {@link TotpStore} adapter must have. */
export function totpStoreContract(name: string, make: () => TotpStore): void {
  describe(`TotpStore contract: ${name}`, () => {
    let store: TotpStore;
    const tenant = `t${randomUUID().slice(0, 8)}`;
    beforeEach(() => {
      store = make();
    });

    it('enrols, confirms and re-enrols (replacing the secret)', async () => {
      const user = randomUUID();
      await store.enrol({ tenantId: tenant, userId: user, secretCipher: 'c1', confirmed: false, lastTimeStep: 0 });
      expect(await store.get(tenant, user)).toEqual({
        tenantId: tenant,
        userId: user,
        secretCipher: 'c1',
        confirmed: false,
        lastTimeStep: 0,
      });
      await store.confirm(tenant, user);
      expect((await store.get(tenant, user))?.confirmed).toBe(true);
      await store.enrol({ tenantId: tenant, userId: user, secretCipher: 'c2', confirmed: false, lastTimeStep: 0 });
      expect(await store.get(tenant, user)).toMatchObject({ secretCipher: 'c2', confirmed: false });
      expect(await store.get(`${tenant}x`, user)).toBeNull();
    });

    it('accepts each time step once, only moving forward, under concurrency', async () => {
      const user = randomUUID();
      await store.enrol({ tenantId: tenant, userId: user, secretCipher: 'c', confirmed: true, lastTimeStep: 0 });
      const results = await Promise.all(Array.from({ length: 6 }, () => store.useTimeStep(tenant, user, 59_847_812)));
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.useTimeStep(tenant, user, 59_847_811)).toBe(false);
      expect(await store.useTimeStep(tenant, user, 59_847_813)).toBe(true);
      expect(await store.useTimeStep(tenant, 'nobody', 1)).toBe(false);
    });
  });
}
