import { randomUUID } from 'node:crypto';
import type { RelationTupleStore } from './relation-tuple-store';

/** The behaviour every {@link RelationTupleStore} adapter must have. */
export function relationTupleStoreContract(name: string, make: () => RelationTupleStore): void {
  describe(`RelationTupleStore contract: ${name}`, () => {
    let store: RelationTupleStore;
    let tenant: string;
    beforeEach(() => {
      store = make();
      tenant = `t${randomUUID().slice(0, 8)}`;
    });

    it('writes idempotently, reads subjects, deletes once', async () => {
      const t = { object: 'project:1', relation: 'viewer', subject: 'user:1' };
      await store.write(tenant, t);
      await store.write(tenant, t);
      await store.write(tenant, { ...t, subject: 'group:kids#member' });
      expect((await store.subjects(tenant, 'project:1', 'viewer')).sort()).toEqual(['group:kids#member', 'user:1']);
      expect(await store.delete(tenant, t)).toBe(true);
      expect(await store.delete(tenant, t)).toBe(false);
      expect(await store.subjects(tenant, 'project:1', 'viewer')).toEqual(['group:kids#member']);
    });

    it('keeps tenants apart', async () => {
      await store.write(tenant, { object: 'project:1', relation: 'owner', subject: 'user:1' });
      expect(await store.subjects(`${tenant}b`, 'project:1', 'owner')).toEqual([]);
      expect(await store.list(`${tenant}b`, {}, 10)).toEqual([]);
    });

    it('lists by filter', async () => {
      await store.write(tenant, { object: 'project:1', relation: 'owner', subject: 'user:1' });
      await store.write(tenant, { object: 'project:2', relation: 'viewer', subject: 'user:1' });
      await store.write(tenant, { object: 'project:2', relation: 'viewer', subject: 'user:2' });
      expect(await store.list(tenant, { subject: 'user:2' }, 10)).toEqual([{ object: 'project:2', relation: 'viewer', subject: 'user:2' }]);
      expect(await store.list(tenant, { object: 'project:2' }, 10)).toHaveLength(2);
      expect(await store.list(tenant, {}, 1)).toHaveLength(1);
    });
  });
}
