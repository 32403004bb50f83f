import { uuidv7 } from 'uuidv7';
import type { NewSubscription } from './subscription';
import type { SubscriptionsRepository } from './subscriptions.repository';

/**
 * The behaviour every SubscriptionsRepository adapter must have. Each adapter's spec calls this
 * with a factory, so the memory and Postgres stores cannot drift apart.
 */
export function subscriptionsRepositoryContract(
  name: string,
  make: () => Promise<SubscriptionsRepository> | SubscriptionsRepository,
  inTransaction: <T>(work: () => Promise<T>) => Promise<T> = (work) => work(),
): void {
  describe(`SubscriptionsRepository contract: ${name}`, () => {
    let repo: SubscriptionsRepository;
    const unique = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const start = new Date('2026-12-01T10:00:00.000Z');
    const sub = (over: Partial<NewSubscription> = {}): NewSubscription => ({
      id: uuidv7(),
      tenantId: 'default',
      parentUserId: unique('p'),
      plan: 'family_monthly',
      source: 'purchase',
      consentId: null,
      chargeReference: 'test_ch_1',
      currentPeriodStart: start.toISOString(),
      currentPeriodEnd: '2027-01-01T10:00:00.000Z',
      createdAt: start,
      ...over,
    });

    beforeEach(async () => {
      repo = await make();
    });

    it('returns what it stored, not cancelled, and finds it by id', async () => {
      const input = sub();
      const stored = await repo.insert(input);
      const { createdAt, ...rest } = input;
      expect(stored).toEqual({ ...rest, cancelAtPeriodEnd: false, canceledAt: null, createdAt: createdAt.toISOString() });
      expect(await repo.find('default', input.id)).toEqual(stored);
    });

    it('finds nothing for an unknown id, a malformed id or another tenant', async () => {
      const stored = await repo.insert(sub({ tenantId: unique('t') }));
      expect(await repo.find(stored!.tenantId, '00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await repo.find(stored!.tenantId, 'not-a-uuid')).toBeNull();
      expect(await repo.find('default', stored!.id)).toBeNull();
    });

    it("lists one parent's subscriptions newest first, in its tenant only", async () => {
      const parentUserId = unique('p');
      const first = await repo.insert(sub({ parentUserId, createdAt: new Date('2026-12-01T10:00:00Z') }));
      const second = await repo.insert(sub({ parentUserId, plan: 'family_yearly', createdAt: new Date('2026-12-02T10:00:00Z') }));
      await repo.insert(sub({ parentUserId, tenantId: unique('t') }));
      await repo.insert(sub());
      expect((await repo.listByParent('default', parentUserId)).map((s) => s.id)).toEqual([second!.id, first!.id]);
      expect(await repo.listByParent('default', unique('nobody'))).toEqual([]);
    });

    it('keeps one consent grant per parent and tenant: a second one stores nothing', async () => {
      const parentUserId = unique('p');
      const grant = (consentId: string, tenantId = 'default') =>
        sub({ parentUserId, tenantId, plan: 'trial', source: 'consent', consentId, chargeReference: null });
      expect(await repo.insert(grant('c1'))).not.toBeNull();
      expect(await repo.insert(grant('c2'))).toBeNull();
      expect(await repo.insert(sub({ parentUserId }))).not.toBeNull();
      expect(await repo.insert(grant('c3', unique('t')))).not.toBeNull();
      const rows = await repo.listByParent('default', parentUserId);
      expect(rows.map((s) => s.consentId).filter(Boolean)).toEqual(['c1']);
    });

    it('cancels at period end, keeping the first cancellation time', async () => {
      const stored = await repo.insert(sub());
      const first = await repo.cancelAtPeriodEnd('default', stored!.id, new Date('2026-12-05T00:00:00Z'));
      expect(first).toEqual({ ...stored, cancelAtPeriodEnd: true, canceledAt: '2026-12-05T00:00:00.000Z' });
      const again = await repo.cancelAtPeriodEnd('default', stored!.id, new Date('2026-12-06T00:00:00Z'));
      expect(again?.canceledAt).toBe('2026-12-05T00:00:00.000Z');
      expect(await repo.find('default', stored!.id)).toEqual(again);
      expect(await repo.cancelAtPeriodEnd('other', stored!.id, new Date())).toBeNull();
      expect(await repo.cancelAtPeriodEnd('default', 'not-a-uuid', new Date())).toBeNull();
    });

    it('runs the work of one parent one at a time, and other parents in parallel', async () => {
      const parentUserId = unique('p');
      const order: string[] = [];
      const slow = (label: string, ms: number) => async () => {
        order.push(`start ${label}`);
        await new Promise((r) => setTimeout(r, ms));
        order.push(`end ${label}`);
        return label;
      };
      const results = await Promise.all([
        inTransaction(() => repo.withParentLock('default', parentUserId, slow('a', 60))),
        new Promise((r) => setTimeout(r, 15)).then(() => inTransaction(() => repo.withParentLock('default', parentUserId, slow('b', 1)))),
      ]);
      expect(results).toEqual(['a', 'b']);
      expect(order).toEqual(['start a', 'end a', 'start b', 'end b']);
      const other = unique('q');
      const parallel: string[] = [];
      await Promise.all([
        inTransaction(() =>
          repo.withParentLock('default', other, async () => void (await new Promise((r) => setTimeout(r, 40)), parallel.push('x'))),
        ),
        inTransaction(() => repo.withParentLock('default', unique('r'), async () => void parallel.push('y'))),
      ]);
      expect(parallel).toEqual(['y', 'x']);
      await expect(repo.withParentLock('default', parentUserId, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      await expect(repo.withParentLock('default', parentUserId, async () => 'after a failure')).resolves.toBe('after a failure');
    });

    it('hands out copies: mutating a result does not change the store', async () => {
      const stored = await repo.insert(sub());
      stored!.plan = 'changed';
      expect((await repo.find('default', stored!.id))?.plan).toBe('family_monthly');
    });
  });
}
