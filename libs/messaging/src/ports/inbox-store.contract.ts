import { createEnvelope } from '../event-envelope';
import type { InboxStore } from './inbox-store';

const event = (n: number) => createEnvelope({ type: 'test.inbox', version: 1, payload: { n }, tenantId: 't', requestId: 'r' });

/** The behaviour every InboxStore adapter must have (memory, Redis, Postgres). */
export function inboxStoreContract(name: string, make: () => Promise<InboxStore>): void {
  describe(`InboxStore contract: ${name}`, () => {
    let inbox: InboxStore;
    const group = () => `g-${Math.random().toString(36).slice(2, 8)}`;
    beforeEach(async () => {
      inbox = await make();
    });

    it('runs a handler once per consumer group and event id', async () => {
      const [g1, g2] = [group(), group()];
      const e = event(1);
      let runs = 0;
      const handler = async () => void (runs += 1);
      expect(await inbox.runOnce(g1, e, handler)).toBe(true);
      expect(await inbox.runOnce(g1, e, handler)).toBe(false);
      expect(await inbox.runOnce(g2, e, handler)).toBe(true);
      expect(runs).toBe(2);
      expect(await inbox.has(g1, e.id)).toBe(true);
      expect(await inbox.has(g1, event(2).id)).toBe(false);
    });

    it('leaves no mark when the handler fails, so a redelivery runs it again', async () => {
      const g = group();
      const e = event(3);
      await expect(inbox.runOnce(g, e, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      expect(await inbox.has(g, e.id)).toBe(false);
      expect(await inbox.runOnce(g, e, async () => undefined)).toBe(true);
    });

    it('never runs the same event twice at once', async () => {
      const g = group();
      const e = event(4);
      let runs = 0;
      const slow = async () => {
        runs += 1;
        await new Promise((r) => setTimeout(r, 50));
      };
      const results = await Promise.allSettled([inbox.runOnce(g, e, slow), inbox.runOnce(g, e, slow)]);
      expect(runs).toBe(1);
      expect(results.filter((r) => r.status === 'fulfilled' && r.value === true)).toHaveLength(1);
      expect(await inbox.has(g, e.id)).toBe(true);
    });

    it('runs a batch in order: a failing job fails alone, a repeated event runs once', async () => {
      const g = group();
      const [a, b, c] = [event(5), event(6), event(7)];
      const ran: number[] = [];
      const job = (e: typeof a, fail = false) => ({
        envelope: e,
        run: async () => {
          ran.push(e.payload.n as number);
          if (fail) throw new Error(`job ${e.payload.n as number} failed`);
        },
      });
      const results = await inbox.runBatch(g, [job(a), job(b, true), job(c), job(a)]);
      expect(results[0]).toBeNull();
      expect(String(results[1])).toContain('job 6 failed');
      expect(results[2]).toBeNull();
      expect(results[3]).toBeNull();
      expect(await inbox.has(g, a.id)).toBe(true);
      expect(await inbox.has(g, b.id)).toBe(false);
      expect(await inbox.has(g, c.id)).toBe(true);
      expect(ran.filter((n) => n === 7).length).toBeGreaterThanOrEqual(1);
      expect(ran.lastIndexOf(5)).toBeLessThan(ran.lastIndexOf(7));
    });
  });
}
