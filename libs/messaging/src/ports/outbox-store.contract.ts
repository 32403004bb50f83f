import { createEnvelope, type EventEnvelope } from '../event-envelope';
import type { OutboxStore } from './outbox-store';

const envelope = (n: number, aggregateId?: string): EventEnvelope =>
  createEnvelope({ type: 'test.happened', version: 1, payload: { n }, tenantId: 't1', requestId: `r${n}`, aggregateId });

/**
 * The behaviour every OutboxStore adapter must have (memory, Redis, Postgres).
 * `make` returns a fresh, empty store; `inTransaction` runs work the way a handler's
 * unit of work does for that adapter.
 */
export function outboxStoreContract(name: string, make: () => Promise<OutboxStore>): void {
  describe(`OutboxStore contract: ${name}`, () => {
    let store: OutboxStore;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(() => store.close());

    it('claims pending rows oldest first and never hands them out again once published', async () => {
      const events = [envelope(1), envelope(2), envelope(3)];
      await store.append(events);
      const claim = await store.claim(10);
      expect(claim.records.map((r) => r.id)).toEqual(events.map((e) => e.id));
      expect(claim.records[0]).toMatchObject({
        type: 'test.happened',
        status: 'pending',
        attempts: 0,
        lastError: null,
        envelope: events[0],
      });
      await claim.complete(claim.records.map((r) => ({ id: r.id, ok: true })));
      const again = await store.claim(10);
      expect(again.records).toEqual([]);
      await again.release();
      expect(await store.stats()).toEqual({ pending: 0, published: 3, failed: 0 });
    });

    it('never gives the same row to two claims at once', async () => {
      await store.append(Array.from({ length: 6 }, (_, i) => envelope(i)));
      const [a, b] = await Promise.all([store.claim(4), store.claim(4)]);
      const ids = [...a.records, ...b.records].map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toHaveLength(6);
      await Promise.all([a.release(), b.release()]);
      const c = await store.claim(10);
      expect(c.records).toHaveLength(6);
      await c.release();
    });

    it('backs a failed row off, then marks it failed with its error; requeue honours dry-run and reset', async () => {
      const [event] = [envelope(7)];
      await store.append([event]);
      let claim = await store.claim(10);
      await claim.complete([{ id: event.id, ok: false, error: 'boom 1', fail: false, retryInMs: 60_000 }]);
      claim = await store.claim(10);
      expect(claim.records).toEqual([]);
      await claim.release();
      expect(await store.stats()).toMatchObject({ pending: 1, failed: 0 });

      await store.requeueFailed({ limit: 10, dryRun: false, resetAttempts: false });
      expect((await store.listFailed(10)).length).toBe(0);

      const other = envelope(8);
      await store.append([other]);
      claim = await store.claim(10);
      expect(claim.records.map((r) => r.id)).toEqual([other.id]);
      await claim.complete([{ id: other.id, ok: false, error: 'Redis down', fail: true, retryInMs: 0 }]);
      const failed = await store.listFailed(10);
      expect(failed).toEqual([expect.objectContaining({ id: other.id, status: 'failed', attempts: 1, lastError: 'Redis down' })]);

      const dry = await store.requeueFailed({ limit: 10, dryRun: true, resetAttempts: true });
      expect(dry.map((r) => r.id)).toEqual([other.id]);
      expect(await store.listFailed(10)).toHaveLength(1);

      const requeued = await store.requeueFailed({ limit: 10, dryRun: false, resetAttempts: true });
      expect(requeued).toEqual([expect.objectContaining({ id: other.id })]);
      expect(await store.listFailed(10)).toEqual([]);
      claim = await store.claim(10);
      expect(claim.records).toEqual([expect.objectContaining({ id: other.id, attempts: 0, status: 'pending' })]);
      await claim.release();
    });

    it('requeues at most `limit` failed rows, oldest first', async () => {
      const events = [envelope(1), envelope(2), envelope(3)];
      await store.append(events);
      const claim = await store.claim(10);
      await claim.complete(events.map((e) => ({ id: e.id, ok: false as const, error: 'x', fail: true, retryInMs: 0 })));
      const requeued = await store.requeueFailed({ limit: 2, dryRun: false, resetAttempts: false });
      expect(requeued.map((r) => r.id)).toEqual([events[0].id, events[1].id]);
      expect(requeued[0].attempts).toBe(1);
      expect((await store.listFailed(10)).map((r) => r.id)).toEqual([events[2].id]);
    });

    it('keeps published rows with their stream entry for the retention window, pages them, re-sends and prunes them', async () => {
      const events = [envelope(1), envelope(2), envelope(3)];
      await store.append(events);
      const claim = await store.claim(10);
      await claim.complete(events.map((e, i) => ({ id: e.id, ok: true, entry: { id: `1700000000000-${i}`, epoch: 'e1' } })));
      const first = await store.listPublished({ withinMs: 60_000, limit: 2 });
      expect(first.records.map((r) => r.id)).toEqual([events[0].id, events[1].id]);
      expect(first.records[0]).toMatchObject({ status: 'published', streamEntry: { id: '1700000000000-0', epoch: 'e1' } });
      const second = await store.listPublished({ withinMs: 60_000, limit: 2, after: first.next });
      expect(second).toEqual({ records: [expect.objectContaining({ id: events[2].id })], next: null });

      expect(await store.republish([events[1].id])).toBe(1);
      expect(await store.republish([events[1].id])).toBe(0);
      expect(await store.stats()).toEqual({ pending: 1, published: 2, failed: 0 });
      const again = await store.claim(10);
      expect(again.records).toEqual([expect.objectContaining({ id: events[1].id, status: 'pending' })]);
      await again.complete([{ id: events[1].id, ok: true, entry: { id: '1700000000001-0', epoch: 'e2' } }]);
      const all = await store.listPublished({ withinMs: 60_000, limit: 10 });
      expect(all.records.find((r) => r.id === events[1].id)?.streamEntry).toEqual({ id: '1700000000001-0', epoch: 'e2' });

      expect(await store.prunePublished(60_000, 10)).toBe(0);
      await new Promise((r) => setTimeout(r, 20));
      expect((await store.listPublished({ withinMs: 10, limit: 10 })).records).toEqual([]);
      expect(await store.prunePublished(10, 2)).toBe(2);
      expect(await store.prunePublished(10, 10)).toBe(1);
      expect(await store.stats()).toEqual({ pending: 0, published: 0, failed: 0 });
    });

    it('pages published rows in write order, past ten rows', async () => {
      const events = Array.from({ length: 12 }, (_, i) => envelope(i));
      await store.append(events);
      const claim = await store.claim(20);
      await claim.complete(events.map((e) => ({ id: e.id, ok: true })));
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await store.listPublished({ withinMs: 60_000, limit: 5, after });
        seen.push(...page.records.map((r) => r.id));
        after = page.next;
      } while (after !== null);
      expect(seen).toEqual(events.map((e) => e.id));
    });
  });
}
