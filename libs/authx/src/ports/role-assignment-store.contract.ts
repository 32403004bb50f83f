import { randomUUID } from 'node:crypto';
import type { RoleAssignmentStore } from './role-assignment-store';

/** The behaviour every {@link RoleAssignmentStore} adapter must have. */
export function roleAssignmentStoreContract(name: string, make: () => RoleAssignmentStore): void {
  describe(`RoleAssignmentStore contract: ${name}`, () => {
    it('assigns idempotently per tenant and unassigns once', async () => {
      const store = make();
      const tenant = `t${randomUUID().slice(0, 8)}`;
      await store.assign(tenant, 'u1', 'parent');
      await store.assign(tenant, 'u1', 'parent');
      await store.assign(tenant, 'u1', 'admin');
      expect(await store.rolesOf(tenant, 'u1')).toEqual(['admin', 'parent']);
      expect(await store.rolesOf(`${tenant}b`, 'u1')).toEqual([]);
      expect(await store.unassign(tenant, 'u1', 'admin')).toBe(true);
      expect(await store.unassign(tenant, 'u1', 'admin')).toBe(false);
      expect(await store.rolesOf(tenant, 'u1')).toEqual(['parent']);
    });
  });
}
