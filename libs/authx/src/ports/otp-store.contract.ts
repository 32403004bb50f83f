import { randomUUID } from 'node:crypto';
import type { OtpStore, OtpTicket } from './otp-store';

/** The behaviour every {@link OtpStore} adapter must have. */
export function otpStoreContract(name: string, make: () => OtpStore): void {
  describe(`OtpStore contract: ${name}`, () => {
    let store: OtpStore;
    beforeEach(() => {
      store = make();
    });
    afterEach(() => jest.useRealTimers());

    const ticket = (over: Partial<OtpTicket> = {}): OtpTicket => ({
      id: randomUUID(),
      tenantId: 'default',
      subject: 'a@example.com',
      channel: 'email',
      codeHash: 'h',
      maxAttempts: 3,
      expiresAt: Date.now() + 60_000,
      ...over,
    });

    it('counts attempts up to the maximum, then the ticket is gone', async () => {
      const t = ticket();
      await store.saveTicket(t);
      expect(await store.getTicket(t.id)).toEqual(t);
      expect([await store.recordAttempt(t.id), await store.recordAttempt(t.id), await store.recordAttempt(t.id)]).toEqual([1, 2, 3]);
      expect(await store.recordAttempt(t.id)).toBeNull();
      expect(await store.getTicket(t.id)).toBeNull();
    });

    it('counts concurrent attempts exactly', async () => {
      const t = ticket({ maxAttempts: 5 });
      await store.saveTicket(t);
      const used = await Promise.all(Array.from({ length: 12 }, () => store.recordAttempt(t.id)));
      expect(used.filter((u) => u !== null).sort()).toEqual([1, 2, 3, 4, 5]);
    });

    it('consumes a ticket once', async () => {
      const t = ticket();
      await store.saveTicket(t);
      const results = await Promise.all([store.consumeTicket(t.id), store.consumeTicket(t.id), store.consumeTicket(t.id)]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(await store.getTicket(t.id)).toBeNull();
    });

    it('hides expired tickets', async () => {
      const t = ticket({ expiresAt: Date.now() + 60_000 });
      await store.saveTicket(t);
      jest.useFakeTimers({
        doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask'],
        now: Date.now() + 61_000,
      });
      expect(await store.getTicket(t.id)).toBeNull();
    });

    it('claims a cooldown once per window', async () => {
      const key = randomUUID();
      expect(await store.claimCooldown(key, 30_000)).toBe(0);
      const wait = await store.claimCooldown(key, 30_000);
      expect(wait).toBeGreaterThan(25_000);
      expect(wait).toBeLessThanOrEqual(30_000);
    });

    it('counts hits in a window', async () => {
      const key = randomUUID();
      const hits = await Promise.all(Array.from({ length: 5 }, () => store.hit(key, 3_600_000)));
      expect(hits.map((h) => h.count).sort()).toEqual([1, 2, 3, 4, 5]);
      expect(hits[0].resetMs).toBeGreaterThan(3_500_000);
    });

    it('takes from every budget or from none: a refused take spends nothing', async () => {
      const [a, b] = [randomUUID(), randomUUID()];
      const budgets = [
        { key: a, max: 3, windowMs: 60_000 },
        { key: b, max: 1, windowMs: 60_000 },
      ];
      expect(await store.take(budgets)).toEqual({ ok: true });
      const refused = await store.take(budgets);
      expect(refused).toMatchObject({ ok: false, key: b });
      expect(refused.ok === false && refused.resetMs).toBeGreaterThan(55_000);
      expect(await store.take([{ key: a, max: 3, windowMs: 60_000 }])).toEqual({ ok: true });
      expect(await store.take([{ key: a, max: 3, windowMs: 60_000 }])).toEqual({ ok: true });
      expect(await store.take([{ key: a, max: 3, windowMs: 60_000 }])).toMatchObject({ ok: false, key: a });
    });

    it('takes exactly max from a budget under concurrency', async () => {
      const key = randomUUID();
      const results = await Promise.all(Array.from({ length: 10 }, () => store.take([{ key, max: 4, windowMs: 60_000 }])));
      expect(results.filter((r) => r.ok)).toHaveLength(4);
    });

    it('marks a key for a while', async () => {
      const key = randomUUID();
      expect(await store.markedFor(key)).toBe(0);
      await store.mark(key, 30_000);
      const left = await store.markedFor(key);
      expect(left).toBeGreaterThan(25_000);
      expect(left).toBeLessThanOrEqual(30_000);
    });
  });
}
