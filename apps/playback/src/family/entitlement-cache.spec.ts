import { MemoryEntitlements, MemoryGateTokens } from './adapters/memory-family.adapters';
import { CachedEntitlements } from './entitlement-cache';

describe('CachedEntitlements', () => {
  let now = 1_000;
  const billing = new MemoryEntitlements();
  const calls: string[] = [];
  const counting = { forChild: async (child: string) => (calls.push(child), billing.forChild(child)) } as MemoryEntitlements;
  const cache = new CachedEntitlements(counting, 30_000, () => now);

  beforeEach(() => {
    calls.length = 0;
    billing.byChild.clear();
  });

  it('reuses a confirmed (active) entitlement until its TTL, then asks again', async () => {
    billing.byChild.set('k1', { parentUserId: 'p1', plan: 'trial', active: true });
    expect(await cache.forChild('k1')).toEqual({ parentUserId: 'p1', plan: 'trial', active: true });
    billing.byChild.set('k1', { parentUserId: 'p1', plan: 'trial', active: false });
    expect((await cache.forChild('k1'))?.active).toBe(true);
    now += 30_001;
    expect((await cache.forChild('k1'))?.active).toBe(false);
    expect(calls).toEqual(['k1', 'k1']);
  });

  it('never caches a refusal or a missing plan', async () => {
    billing.byChild.set('k2', { parentUserId: 'p2', plan: 'trial', active: false });
    await cache.forChild('k2');
    await cache.forChild('k2');
    await cache.forChild('nobody');
    await cache.forChild('nobody');
    expect(calls).toEqual(['k2', 'k2', 'nobody', 'nobody']);
  });

  it('drops only the changed parent on invalidateParent', async () => {
    billing.byChild.set('a1', { parentUserId: 'pa', plan: 'trial', active: true });
    billing.byChild.set('a2', { parentUserId: 'pa', plan: 'trial', active: true });
    billing.byChild.set('b1', { parentUserId: 'pb', plan: 'trial', active: true });
    for (const k of ['a1', 'a2', 'b1']) await cache.forChild(k);
    expect(cache.invalidateParent('pa')).toBe(2);
    for (const k of ['a1', 'a2', 'b1']) await cache.forChild(k);
    expect(calls).toEqual(['a1', 'a2', 'b1', 'a1', 'a2']);
  });

  it('is off with a TTL of 0', async () => {
    const off = new CachedEntitlements(counting, 0, () => now);
    billing.byChild.set('k3', { parentUserId: 'p3', plan: 'trial', active: true });
    await off.forChild('k3');
    await off.forChild('k3');
    expect(calls).toEqual(['k3', 'k3']);
  });
});

describe('MemoryGateTokens', () => {
  it('accepts an issued token once, for its child only', async () => {
    const gates = new MemoryGateTokens();
    gates.issue('k1', 'tok');
    expect(await gates.consume('k2', 'tok')).toBe(false);
    expect(await gates.consume('k1', 'tok')).toBe(true);
    expect(await gates.consume('k1', 'tok')).toBe(false);
  });
});
