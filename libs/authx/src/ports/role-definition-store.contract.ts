import { randomUUID } from 'node:crypto';
import type { RoleDefinitionStore } from './role-definition-store';

/** The behaviour every {@link RoleDefinitionStore} adapter must have. */
export function roleDefinitionStoreContract(name: string, make: () => RoleDefinitionStore): void {
  describe(`RoleDefinitionStore contract: ${name}`, () => {
    it('adds permissions to a role per tenant, idempotently, and reads them all back', async () => {
      const store = make();
      const tenant = `t${randomUUID().slice(0, 8)}`;
      const role = `r${randomUUID().slice(0, 8)}`;
      await store.define(tenant, role, ['events:write']);
      await store.define(tenant, role, ['events:read', 'events:write']);
      await store.define('*', role, ['catalog:read']);
      const mine = (await store.all()).filter((d) => d.role === role);
      expect(mine).toEqual([
        { tenantId: '*', role, permissions: ['catalog:read'] },
        { tenantId: tenant, role, permissions: ['events:read', 'events:write'] },
      ]);
    });
  });
}
