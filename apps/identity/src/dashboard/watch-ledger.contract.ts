import { randomUUID } from 'node:crypto';
import type { WatchLedger } from './watch-ledger';

/** The behaviour every WatchLedger adapter must have (run by the memory and Postgres specs). */
export function watchLedgerContract(name: string, make: () => Promise<WatchLedger> | WatchLedger): void {
  describe(`WatchLedger contract: ${name}`, () => {
    let ledger: WatchLedger;
    let tenantId: string;
    let parentUserId: string;
    beforeEach(async () => {
      ledger = await make();
      tenantId = `t-${randomUUID().slice(0, 8)}`;
      parentUserId = randomUUID();
    });
    const add = (
      childProfileId: string,
      day: string,
      watchedMs: number,
      learningEvents = 0,
      parent: string | null = parentUserId,
      tenant = tenantId,
    ) => ledger.add({ tenantId: tenant, parentUserId: parent, childProfileId, day, watchedMs, learningEvents });

    it('sums each asked-for child over the inclusive range of days', async () => {
      await add('kid-a', '2026-11-24', 1_000, 1);
      await add('kid-a', '2026-11-30', 2_500, 2);
      await add('kid-a', '2026-11-30', 500);
      await add('kid-b', '2026-12-01', 7_000, 3);
      await add('kid-a', '2026-11-23', 99_000, 9);
      await add('kid-a', '2026-12-02', 99_000, 9);
      await add('kid-z', '2026-12-01', 1_234, 1);
      expect(await ledger.totals({ tenantId, parentUserId }, ['kid-a', 'kid-b'], '2026-11-24', '2026-12-01')).toEqual([
        { childProfileId: 'kid-a', watchedMs: 4_000, learningEvents: 3 },
        { childProfileId: 'kid-b', watchedMs: 7_000, learningEvents: 3 },
      ]);
    });

    it('keeps tenants apart, counts a child whatever parent an event named, and answers nothing for no children', async () => {
      await add('kid-a', '2026-12-01', 1_000, 1);
      await add('kid-a', '2026-12-01', 500, 0, null);
      await add('kid-a', '2026-12-01', 5_000, 1, parentUserId, `${tenantId}-other`);
      expect(await ledger.totals({ tenantId, parentUserId }, ['kid-a', 'kid-none'], '2026-12-01', '2026-12-01')).toEqual([
        { childProfileId: 'kid-a', watchedMs: 1_500, learningEvents: 1 },
      ]);
      expect(await ledger.totals({ tenantId, parentUserId }, [], '2026-11-01', '2026-12-31')).toEqual([]);
    });

    it("shows a parent only its own children's days, and erases one child", async () => {
      await add('kid-d', '2026-12-01', 1_000, 1);
      await add('kid-e', '2026-12-01', 3_000, 0, 'someone-else');
      expect(await ledger.totals({ tenantId, parentUserId }, ['kid-d', 'kid-e'], '2026-12-01', '2026-12-01')).toEqual([
        { childProfileId: 'kid-d', watchedMs: 1_000, learningEvents: 1 },
      ]);
      expect(await ledger.totals({ tenantId, parentUserId: 'stranger' }, ['kid-d'], '2026-12-01', '2026-12-01')).toEqual([]);
      expect(await ledger.totals({ tenantId, service: true }, ['kid-d', 'kid-e'], '2026-12-01', '2026-12-01')).toHaveLength(2);
      expect(await ledger.eraseChild(tenantId, 'kid-d')).toBe(1);
      expect(await ledger.totals({ tenantId, parentUserId }, ['kid-d'], '2026-12-01', '2026-12-01')).toEqual([]);
      expect(await ledger.eraseChild(tenantId, 'kid-d')).toBe(0);
    });

    it('adds concurrent entries of one day without losing any', async () => {
      await Promise.all(Array.from({ length: 8 }, () => add('kid-c', '2026-12-01', 250, 1)));
      expect(await ledger.totals({ tenantId, parentUserId }, ['kid-c'], '2026-12-01', '2026-12-01')).toEqual([
        { childProfileId: 'kid-c', watchedMs: 2_000, learningEvents: 8 },
      ]);
    });
  });
}
