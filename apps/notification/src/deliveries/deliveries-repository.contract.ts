import type { DeliveriesRepository } from './deliveries.repository';
import type { NewDelivery } from './delivery';

/** The behaviour every DeliveriesRepository adapter must have (memory and Postgres specs call it). */
export function deliveriesRepositoryContract(name: string, make: () => Promise<DeliveriesRepository> | DeliveriesRepository): void {
  describe(`DeliveriesRepository contract: ${name}`, () => {
    let repo: DeliveriesRepository;
    const id = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const delivery = (parentUserId: string, dedupeKey = id('k'), tenantId = 't1'): NewDelivery => ({
      tenantId,
      dedupeKey,
      parentUserId,
      kind: 'welcome',
      subject: 'Welcome',
      body: 'Hello',
    });
    /** Far in the future, so only this test's rows are due (the shared Postgres holds other tests' rows). */
    const mine = async (parent: string, at: Date, leaseMs = 60_000) =>
      (await repo.claimDue(at, 10_000, leaseMs)).filter((d) => d.parentUserId === parent);

    beforeEach(async () => {
      repo = await make();
    });

    it('records once per tenant and dedupe key, pending and due now', async () => {
      const p = id('p');
      const key = id('k');
      expect(await repo.record(delivery(p, key))).toBe(true);
      expect(await repo.record(delivery(p, key))).toBe(false);
      expect(await repo.record(delivery(p, key, 't2'))).toBe(true);
      expect(await repo.listByParent('t1', p)).toEqual([
        {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          tenantId: 't1',
          dedupeKey: key,
          parentUserId: p,
          kind: 'welcome',
          subject: 'Welcome',
          body: 'Hello',
          status: 'pending',
          channel: null,
          attempts: 0,
          lastError: null,
          nextAttemptAt: expect.any(String),
          createdAt: expect.any(String),
          sentAt: null,
        },
      ]);
    });

    it('claims what is due, leases it, and gives an expired lease to the next claimer', async () => {
      const p = id('p');
      await repo.record(delivery(p));
      await repo.record(delivery(p));
      const now = new Date(Date.now() + 1_000);
      const claimed = await mine(p, now, 5_000);
      expect(claimed.map((d) => d.status)).toEqual(['sending', 'sending']);
      expect(await mine(p, new Date(now.getTime() + 4_000))).toEqual([]);
      expect((await mine(p, new Date(now.getTime() + 6_000))).map((d) => d.id).sort()).toEqual(claimed.map((d) => d.id).sort());
    });

    it('never hands one delivery to two concurrent claimers', async () => {
      const p = id('p');
      for (let i = 0; i < 6; i++) await repo.record(delivery(p));
      const at = new Date(Date.now() + 1_000);
      const [a, b, c] = await Promise.all([mine(p, at), mine(p, at), mine(p, at)]);
      const ids = [...a, ...b, ...c].map((d) => d.id);
      expect(ids).toHaveLength(6);
      expect(new Set(ids).size).toBe(6);
    });

    it('marks sent, retried (due again later) and failed (never due again)', async () => {
      const [sent, retried, failed] = [id('sent'), id('retry'), id('failed')];
      for (const p of [sent, retried, failed]) await repo.record(delivery(p));
      const now = new Date(Date.now() + 1_000);
      const claimed = await repo.claimDue(now, 10_000, 60_000);
      const [s, r, f] = [sent, retried, failed].map((p) => claimed.find((d) => d.parentUserId === p)!);
      await repo.markSent(s.id, 1, 'email', now);
      await repo.markRetry(r.id, 1, new Date(now.getTime() + 10_000), 'boom');
      await repo.markFailed(f.id, 5, 'gave up');
      expect((await repo.listByParent('t1', sent))[0]).toMatchObject({
        status: 'sent',
        attempts: 1,
        channel: 'email',
        sentAt: now.toISOString(),
        lastError: null,
      });
      expect((await repo.listByParent('t1', retried))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'boom' });
      expect((await repo.listByParent('t1', failed))[0]).toMatchObject({ status: 'failed', attempts: 5, lastError: 'gave up' });
      expect((await mine(retried, new Date(now.getTime() + 5_000))).length).toBe(0);
      expect((await mine(retried, new Date(now.getTime() + 11_000))).map((d) => d.attempts)).toEqual([1]);
      const later = await repo.claimDue(new Date(now.getTime() + 3_600_000), 100_000, 60_000);
      expect(later.filter((d) => d.parentUserId === sent || d.parentUserId === failed)).toEqual([]);
    });
  });
}
