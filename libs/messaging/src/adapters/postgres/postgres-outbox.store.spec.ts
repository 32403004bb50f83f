import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { createLibSchema, testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { outboxStoreContract } from '../../ports/outbox-store.contract';
import { createEnvelope } from '../../event-envelope';
import { PostgresOutboxStore } from './postgres-outbox.store';

let pool: Pool;
beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 6);
});
afterAll(() => pool.end());

const make = async () => new PostgresOutboxStore(new PoolSqlTransactions(pool), await createLibSchema(pool, ['messaging'], 'msg'));

outboxStoreContract('postgres (real Postgres)', make);

describe('PostgresOutboxStore specifics', () => {
  it('writes nothing when the surrounding transaction rolls back', async () => {
    const tx = new PoolSqlTransactions(pool);
    const schema = await createLibSchema(pool, ['messaging'], 'msg');
    const store = new PostgresOutboxStore(tx, schema);
    const event = createEnvelope({ type: 'test.x', version: 1, payload: {}, tenantId: 't', requestId: 'r' });
    await expect(
      tx.run(async () => {
        await store.append([event]);
        throw new Error('handler failed after writing');
      }),
    ).rejects.toThrow('handler failed');
    expect(await store.stats()).toEqual({ pending: 0, published: 0, failed: 0 });
    await store.close();
  });

  it('hands out an aggregate in write order: a row waiting for a retry holds back its successors', async () => {
    const store = await make();
    const agg = (n: number, a: string) =>
      createEnvelope({ type: 'test.x', version: 1, payload: { n }, tenantId: 't', requestId: 'r', aggregateId: a });
    const [a1, a2, b1] = [agg(1, 'A'), agg(2, 'A'), agg(3, 'B')];
    await store.append([a1, a2, b1]);
    const first = await store.claim(10);
    expect(first.records.map((r) => r.id)).toEqual([a1.id, a2.id, b1.id]);
    await first.complete([
      { id: a1.id, ok: false, error: 'x', fail: false, retryInMs: 60_000 },
      { id: a2.id, ok: false, error: 'x', fail: false, retryInMs: 0 },
      { id: b1.id, ok: true },
    ]);
    const second = await store.claim(10);
    expect(second.records).toEqual([]);
    await second.release();
    await store.close();
  });
});
