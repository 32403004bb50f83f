import { hash } from '@node-rs/argon2';
import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { createLibSchema, dropSchema, testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { MemoryParentCredentials, PostgresParentCredentials, type ParentCredentials } from './parent-credentials';

function credentialsContract(name: string, make: () => Promise<{ creds: ParentCredentials; add: (id: string, password: string) => Promise<void> }>): void {
  describe(`ParentCredentials contract: ${name}`, () => {
    it('accepts the right password only, and nothing for an unknown parent', async () => {
      const { creds, add } = await make();
      await add('p-1', 'correct horse battery');
      expect(await creds.verifyPassword('p-1', 'correct horse battery')).toBe(true);
      expect(await creds.verifyPassword('p-1', 'correct horse batterY')).toBe(false);
      expect(await creds.verifyPassword('p-unknown', 'correct horse battery')).toBe(false);
    });
  });
}

credentialsContract('memory', async () => {
  const creds = new MemoryParentCredentials();
  return { creds, add: (id, password) => creds.setPassword(id, password) };
});

describe('postgres', () => {
  let pool: Pool;
  let schema: string;
  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 2);
    schema = await createLibSchema(pool, [], 'creds');
    await pool.query(`CREATE TABLE "${schema}".parents (id TEXT PRIMARY KEY, password_hash TEXT NOT NULL)`);
  });
  afterAll(async () => {
    await dropSchema(pool, schema);
    await pool.end();
  });

  credentialsContract('postgres (the parents table)', async () => ({
    creds: new PostgresParentCredentials(new PoolSqlTransactions(pool), schema),
    add: async (id, password) => void (await pool.query(`INSERT INTO "${schema}".parents VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET password_hash = EXCLUDED.password_hash`, [id, await hash(password)])),
  }));
});
