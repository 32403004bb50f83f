import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { createLibSchema, testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { createEnvelope } from '../../event-envelope';
import { inboxStoreContract } from '../../ports/inbox-store.contract';
import { PostgresInboxStore } from './postgres-inbox.store';

const event = (n: number) => createEnvelope({ type: 'test.inbox', version: 1, payload: { n }, tenantId: 't', requestId: 'r' });

let shared: Pool;
beforeAll(() => {
  shared = createPgPool(testDatabaseUrl(), 4);
});
afterAll(() => shared.end());

inboxStoreContract(
  'postgres (real Postgres)',
  async () => new PostgresInboxStore(new PoolSqlTransactions(shared), await createLibSchema(shared, ['messaging'], 'inboxc')),
);

describe("PostgresInboxStore: the handler's own writes share the inbox transaction", () => {
  let pool: Pool;
  let schema: string;
  let tx: PoolSqlTransactions;
  let inbox: PostgresInboxStore;
  const effects = async () => (await pool.query<{ n: number }>(`SELECT n FROM "${schema}".effects ORDER BY n`)).rows.map((r) => r.n);
  const write = (n: number) => tx.client().query(`INSERT INTO "${schema}".effects (n) VALUES ($1) RETURNING n`, [n]);

  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 4);
    schema = await createLibSchema(pool, ['messaging'], 'inbox');
    await pool.query(`CREATE TABLE "${schema}".effects (n int NOT NULL)`);
    tx = new PoolSqlTransactions(pool);
    inbox = new PostgresInboxStore(tx, schema);
  });
  afterAll(() => pool.end());

  it('runs a handler once per consumer and event; a failed handler leaves neither its writes nor a mark', async () => {
    const e = event(1);
    expect(await inbox.runOnce('g1', e, async () => void (await write(1)))).toBe(true);
    expect(await inbox.runOnce('g1', e, async () => void (await write(1)))).toBe(false);
    expect(await inbox.runOnce('g2', e, async () => void (await write(2)))).toBe(true);
    const failing = event(3);
    await expect(
      inbox.runOnce('g1', failing, async () => {
        await write(3);
        throw new Error('after writing');
      }),
    ).rejects.toThrow('after writing');
    expect(await inbox.has('g1', failing.id)).toBe(false);
    expect(await effects()).toEqual([1, 2]);
  });

  it('runs a batch in one transaction: a failing job rolls back only itself, duplicates are skipped', async () => {
    const [a, b, c] = [event(10), event(11), event(12)];
    await inbox.runOnce('batch', a, async () => void (await write(10)));
    const results = await inbox.runBatch('batch', [
      { envelope: a, run: async () => void (await write(100)) },
      {
        envelope: b,
        run: async () => {
          await write(11);
          await tx.client().query('SELECT 1 / 0');
        },
      },
      { envelope: c, run: async () => void (await write(12)) },
    ]);
    expect(results[0]).toBeNull();
    expect(String(results[1])).toContain('division by zero');
    expect(results[2]).toBeNull();
    expect((await effects()).filter((n) => n >= 10)).toEqual([10, 12]);
    expect(await inbox.has('batch', b.id)).toBe(false);
    expect(await inbox.has('batch', c.id)).toBe(true);
  });
});
