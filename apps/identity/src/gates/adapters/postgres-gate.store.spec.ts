import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { gateStoreContract } from '../gate-store.contract';
import { PostgresGateStore } from './postgres-gate.store';

let pool: Pool;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 6);
});
afterAll(async () => {
  await pool.end();
});

gateStoreContract('postgres (row-level security)', () => new PostgresGateStore(new PoolSqlTransactions(pool)));

describe('gate tables without the family setting', () => {
  it.each(['parent_pins', 'gate_lockouts', 'gate_challenges', 'gate_tokens'])(
    '%s shows nothing to a query without the setting',
    async (table) => {
      const sql = new PoolSqlTransactions(pool);
      await new PostgresGateStore(sql).setPin({ tenantId: 'rls-t', parentUserId: 'rls-p' }, 'rls-p', 'h', new Date());
      const [{ n: all }] = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM identity.${table}`).then((r) => r.rows);
      const unscoped = await sql.runScoped({ role: 'identity_family', settings: {} }, () =>
        sql.client().query<{ n: string }>(`SELECT count(*) AS n FROM identity.${table}`),
      );
      expect(Number(unscoped[0].n)).toBe(0);
      if (table === 'parent_pins') expect(Number(all)).toBeGreaterThan(0);
    },
  );
});
