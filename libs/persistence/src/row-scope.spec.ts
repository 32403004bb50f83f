import { createLibSchema, dropSchema, testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { PoolSqlTransactions, createPgPool } from './index';
import { InvalidRowScopeError } from './row-scope';

const ROLE = 'mm_row_scope_test';
let pool: Pool;
let schema: string;
let sql: PoolSqlTransactions;

beforeAll(async () => {
  pool = createPgPool(testDatabaseUrl(), 2);
  sql = new PoolSqlTransactions(pool);
  schema = await createLibSchema(pool, [], 'rowscope');
  await pool.query(`DO $$ BEGIN CREATE ROLE ${ROLE} NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`);
  await pool.query(`CREATE TABLE "${schema}".notes (owner TEXT NOT NULL, body TEXT NOT NULL)`);
  await pool.query(`ALTER TABLE "${schema}".notes ENABLE ROW LEVEL SECURITY`);
  await pool.query(`ALTER TABLE "${schema}".notes FORCE ROW LEVEL SECURITY`);
  await pool.query(
    `CREATE POLICY by_owner ON "${schema}".notes USING (owner = current_setting('mm.owner', true)) WITH CHECK (owner = current_setting('mm.owner', true))`,
  );
  await pool.query(`GRANT USAGE ON SCHEMA "${schema}" TO ${ROLE}`);
  await pool.query(`GRANT SELECT, INSERT ON "${schema}".notes TO ${ROLE}`);
  await pool.query(`INSERT INTO "${schema}".notes VALUES ('a', 'one'), ('b', 'two')`);
});

afterAll(async () => {
  await dropSchema(pool, schema);
  await pool.end();
});

const bodies = (owner?: string) =>
  sql.runScoped({ role: ROLE, settings: owner === undefined ? {} : { 'mm.owner': owner } }, async () =>
    (await sql.client().query<{ body: string }>(`SELECT body FROM "${schema}".notes ORDER BY body`)).map((r) => r.body),
  );

describe('SqlTransactions.runScoped (row-level security, real Postgres)', () => {
  it('shows each owner only its rows', async () => {
    expect(await bodies('a')).toEqual(['one']);
    expect(await bodies('b')).toEqual(['two']);
  });

  it('a query without the setting returns nothing', async () => {
    expect(await bodies()).toEqual([]);
  });

  it('refuses to write a row for another owner', async () => {
    await expect(
      sql.runScoped({ role: ROLE, settings: { 'mm.owner': 'a' } }, () =>
        sql.client().query(`INSERT INTO "${schema}".notes VALUES ('b', 'forged')`),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('ends the scope when fn returns: the rest of the transaction runs as before', async () => {
    const after = await sql.run(async () => {
      await bodies('a');
      const [row] = await sql
        .client()
        .query<{ role: string; owner: string | null }>(`SELECT current_user AS role, current_setting('mm.owner', true) AS owner`);
      return row;
    });
    expect(after.role).not.toBe(ROLE);
    expect(after.owner ?? '').toBe('');
  });

  it('keeps the setting inside the transaction only', async () => {
    await bodies('a');
    const [row] = await pool.query<{ owner: string | null }>(`SELECT current_setting('mm.owner', true) AS owner`).then((r) => r.rows);
    expect(row.owner ?? '').toBe('');
  });

  it.each([[{ role: 'x"; DROP', settings: {} }], [{ settings: { no_dot: 'v' } }], [{ settings: { 'mm.owner; DROP': 'v' } }]])(
    'rejects unsafe names %j before touching the database',
    async (scope) => {
      await expect(sql.runScoped(scope, async () => 1)).rejects.toThrow(InvalidRowScopeError);
    },
  );
});
