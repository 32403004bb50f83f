import { resolveAuthxOptions } from '../authx.options';
import { DEFAULT_REBAC_SCHEMA } from '../rebac/rebac.schema';
import { MemoryRoleDefinitionStore } from '../adapters/memory/memory-role-definition.store';
import { PolicyRegistry, permissionMatches } from './policy.registry';

describe('PolicyRegistry (RBAC per tenant)', () => {
  const registry = () => new PolicyRegistry(resolveAuthxOptions({}, {}, DEFAULT_REBAC_SCHEMA));

  it('grants per tenant, as the runbook registers them', () => {
    const policies = registry();
    policies.registerRole('user', ['events:write'], 'tenantA');
    policies.registerRole('admin', ['events:write', 'events:read'], 'tenantA');
    expect(policies.can(['user'], 'tenantA', 'events:write')).toBe(true);
    expect(policies.can(['user'], 'tenantA', 'events:read')).toBe(false);
    expect(policies.can(['user'], 'tenantB', 'events:write')).toBe(false);
    expect(policies.can(['admin'], 'tenantA', 'events:read')).toBe(true);
    expect(policies.can([], 'tenantA', 'events:write')).toBe(false);
  });

  it('applies global roles in every tenant and always knows admin → authx:admin', () => {
    const policies = registry();
    policies.registerRole('reader', ['catalog:read']);
    expect(policies.can(['reader'], 'anything', 'catalog:read')).toBe(true);
    expect(policies.can(['admin'], 'x', 'authx:admin')).toBe(true);
  });

  it('matches wildcards segment by segment', () => {
    expect(permissionMatches('events:*', 'events:write')).toBe(true);
    expect(permissionMatches('events:*', 'eventsx:write')).toBe(false);
    expect(permissionMatches('events:*', 'events')).toBe(false);
    expect(permissionMatches('*', 'billing:refund')).toBe(true);
    expect(permissionMatches('*:read', 'events:read')).toBe(true);
    expect(permissionMatches('*:read', 'events:write')).toBe(false);
    expect(permissionMatches('events:write', 'events:write:own')).toBe(false);
  });

  it('rejects malformed permissions at registration', () => {
    expect(() => registry().registerRole('x', ['events write'])).toThrow('invalid permission');
  });

  it('keeps run-time roles in the store, so a second registry on it (a replica) sees them after a reload', async () => {
    const store = new MemoryRoleDefinitionStore();
    const options = resolveAuthxOptions({}, {}, DEFAULT_REBAC_SCHEMA);
    const [one, two] = [new PolicyRegistry(options, store), new PolicyRegistry(options, store)];
    await one.defineRole('auditor', ['authx:admin'], 'tenantA');
    expect(one.can(['auditor'], 'tenantA', 'authx:admin')).toBe(true);
    expect(two.can(['auditor'], 'tenantA', 'authx:admin')).toBe(false);
    await two.reload();
    expect(two.can(['auditor'], 'tenantA', 'authx:admin')).toBe(true);
    expect(two.can(['auditor'], 'tenantB', 'authx:admin')).toBe(false);
    expect(await store.all()).toEqual([{ tenantId: 'tenantA', role: 'auditor', permissions: ['authx:admin'] }]);
  });

  it('knows platform-admin: tenants:* and authx:admin in every tenant', () => {
    expect(registry().can(['platform-admin'], 'any', 'tenants:*')).toBe(true);
    expect(registry().can(['platform-admin'], 'any', 'tenants:cross')).toBe(true);
    expect(registry().can(['admin'], 'any', 'tenants:cross')).toBe(false);
  });
});
