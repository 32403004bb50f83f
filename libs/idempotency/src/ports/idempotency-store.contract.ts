import type { IdempotencyStore, StoredResponse } from './idempotency-store';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ok: StoredResponse = { status: 201, headers: { location: '/x/1' }, body: '{"id":1}' };

/**
 * The behaviour every {@link IdempotencyStore} adapter must have. Call from one spec per
 * adapter: `describeIdempotencyStoreContract('redis', () => new RedisIdempotencyStore(…))`.
 */
export function describeIdempotencyStoreContract(name: string, make: () => IdempotencyStore | Promise<IdempotencyStore>): void {
  describe(`IdempotencyStore contract: ${name}`, () => {
    let store: IdempotencyStore;
    let n = 0;
    const key = () => `k${Date.now()}-${n++}`;
    beforeEach(async () => {
      store = await make();
    });

    it('grants exactly one of many concurrent claims', async () => {
      const k = key();
      const results = await Promise.all(Array.from({ length: 50 }, () => store.claim(k, 'fp', 5_000)));
      expect(results.filter((r) => r.outcome === 'claimed')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'in-flight')).toHaveLength(49);
      expect(results.find((r) => r.outcome === 'in-flight')).toEqual({ outcome: 'in-flight', fingerprint: 'fp' });
    });

    it('stores a completed response for replay, with its fingerprint', async () => {
      const k = key();
      const claim = await store.claim(k, 'fp1', 5_000);
      if (claim.outcome !== 'claimed') throw new Error('expected claim');
      expect(await store.complete(k, claim.token, ok, 60_000)).toBe(true);
      expect(await store.claim(k, 'fp2', 5_000)).toEqual({ outcome: 'completed', fingerprint: 'fp1', response: ok });
    });

    it('only the holder may complete, renew or release', async () => {
      const k = key();
      const claim = await store.claim(k, 'fp', 5_000);
      if (claim.outcome !== 'claimed') throw new Error('expected claim');
      expect(await store.complete(k, 'not-the-token', ok, 60_000)).toBe(false);
      expect(await store.renew(k, 'not-the-token', 5_000)).toBe(false);
      await store.release(k, 'not-the-token');
      expect((await store.claim(k, 'fp', 5_000)).outcome).toBe('in-flight');
      expect(await store.renew(k, claim.token, 5_000)).toBe(true);
    });

    it('a released key can be claimed again', async () => {
      const k = key();
      const claim = await store.claim(k, 'fp', 5_000);
      if (claim.outcome !== 'claimed') throw new Error('expected claim');
      await store.release(k, claim.token);
      expect((await store.claim(k, 'fp', 5_000)).outcome).toBe('claimed');
    });

    it("a crashed holder's claim expires after the lock TTL; renewal keeps it", async () => {
      const crashed = key();
      const renewed = key();
      await store.claim(crashed, 'fp', 300);
      const held = await store.claim(renewed, 'fp', 300);
      if (held.outcome !== 'claimed') throw new Error('expected claim');
      for (let i = 0; i < 6; i++) {
        await sleep(100);
        await store.renew(renewed, held.token, 300);
      }
      expect((await store.claim(crashed, 'fp', 300)).outcome).toBe('claimed');
      expect((await store.claim(renewed, 'fp', 300)).outcome).toBe('in-flight');
    });

    it('forgets a completed response after its retention window', async () => {
      const k = key();
      const claim = await store.claim(k, 'fp', 5_000);
      if (claim.outcome !== 'claimed') throw new Error('expected claim');
      await store.complete(k, claim.token, ok, 200);
      await sleep(400);
      expect((await store.claim(k, 'fp', 5_000)).outcome).toBe('claimed');
    });

    it('a claim taken over after its lock expired cannot be completed by the old holder', async () => {
      const k = key();
      const old = await store.claim(k, 'fp', 200);
      if (old.outcome !== 'claimed') throw new Error('expected claim');
      await sleep(300);
      const taken = await store.claim(k, 'fp', 5_000);
      if (taken.outcome !== 'claimed') throw new Error('expected the expired claim to be taken');
      expect(await store.complete(k, old.token, ok, 60_000)).toBe(false);
      expect(await store.complete(k, taken.token, ok, 60_000)).toBe(true);
    });

    it('keeps an answer completed inside a unit of work that succeeds', async () => {
      const k = key();
      const claim = await store.claim(k, 'fp', 5_000);
      if (claim.outcome !== 'claimed') throw new Error('expected claim');
      expect(await store.unitOfWork(() => store.complete(k, claim.token, ok, 60_000))).toBe(true);
      expect(await store.claim(k, 'fp', 5_000)).toEqual({ outcome: 'completed', fingerprint: 'fp', response: ok });
    });

    it('a unit of work that fails after complete: a transactional store keeps only the claim (it expires), others keep the answer', async () => {
      const k = key();
      const claim = await store.claim(k, 'fp', 300);
      if (claim.outcome !== 'claimed') throw new Error('expected claim');
      await expect(
        store.unitOfWork(async () => {
          await store.complete(k, claim.token, ok, 60_000);
          throw new Error('crashed before the commit');
        }),
      ).rejects.toThrow('crashed before the commit');
      if (!store.transactional) {
        expect((await store.claim(k, 'fp', 300)).outcome).toBe('completed');
        return;
      }
      expect(await store.claim(k, 'fp', 300)).toEqual({ outcome: 'in-flight', fingerprint: 'fp' });
      await sleep(400);
      expect((await store.claim(k, 'fp', 300)).outcome).toBe('claimed');
    });
  });
}
