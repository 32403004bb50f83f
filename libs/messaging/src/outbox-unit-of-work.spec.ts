import { MemoryOutboxStore } from './adapters/memory/memory-outbox.store';
import { createEnvelope } from './event-envelope';
import { OutboxUnitOfWork } from './outbox-unit-of-work';

const event = (n: number) => createEnvelope({ type: 'test.done', version: 1, payload: { n }, tenantId: 't', requestId: 'r' });

describe('OutboxUnitOfWork with a store outside the database (memory/Redis)', () => {
  it('stores the events of a unit only when it succeeds', async () => {
    const store = new MemoryOutboxStore();
    const uow = new OutboxUnitOfWork(store, null);
    await expect(
      uow.run(async () => {
        await uow.enqueue([event(1)]);
        throw new Error('handler failed');
      }),
    ).rejects.toThrow('handler failed');
    expect((await store.stats()).pending).toBe(0);

    const result = await uow.run(async () => {
      await uow.enqueue([event(2)]);
      expect((await store.stats()).pending).toBe(0);
      await uow.run(async () => uow.enqueue([event(3)]));
      return 'ok';
    });
    expect(result).toBe('ok');
    const claim = await store.claim(10);
    expect(claim.records.map((r) => r.envelope.payload)).toEqual([{ n: 2 }, { n: 3 }]);
    await claim.release();
  });

  it('a unit that published nothing neither writes to the store nor wakes the relay', async () => {
    const store = new MemoryOutboxStore();
    const append = jest.spyOn(store, 'append');
    const wake = jest.spyOn(store, 'wake');
    expect(await new OutboxUnitOfWork(store, null).run(async () => 'hit')).toBe('hit');
    expect(append).not.toHaveBeenCalled();
    expect(wake).not.toHaveBeenCalled();
  });

  it('stores right away outside a unit, and keeps concurrent units apart', async () => {
    const store = new MemoryOutboxStore();
    const uow = new OutboxUnitOfWork(store, null);
    await uow.enqueue([event(1)]);
    expect((await store.stats()).pending).toBe(1);
    await Promise.allSettled([
      uow.run(async () => {
        await uow.enqueue([event(2)]);
        await new Promise((r) => setTimeout(r, 20));
      }),
      uow.run(async () => {
        await uow.enqueue([event(3)]);
        throw new Error('second fails');
      }),
    ]);
    const claim = await store.claim(10);
    expect(claim.records.map((r) => r.envelope.payload)).toEqual([{ n: 1 }, { n: 2 }]);
    await claim.release();
  });
});
