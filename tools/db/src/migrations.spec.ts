import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { testDatabaseUrl } from '@mikasmissions/testing';
import { type Migration, MigrationDriftError, migrateService } from './migrations';

const migration = (name: string, sql: string): Migration => ({ name, sql, checksum: createHash('sha256').update(sql).digest('hex') });

describe('migrateService (real Postgres)', () => {
  const schema = `mig_${process.pid}_${Date.now().toString(36)}`;
  const first = migration('20260101000000_init', `CREATE TABLE "${schema}".things (id int primary key);`);
  const second = migration('20260102000000_more', `ALTER TABLE "${schema}".things ADD COLUMN name text;`);
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('applies pending migrations in order and records them like Prisma Migrate', async () => {
    const result = await migrateService(client, schema, [first, second]);
    expect(result).toEqual({ applied: [first.name, second.name], skipped: [] });
    const { rows } = await client.query(`SELECT migration_name, checksum FROM "${schema}"."_prisma_migrations" ORDER BY migration_name`);
    expect(rows).toEqual([
      { migration_name: first.name, checksum: first.checksum },
      { migration_name: second.name, checksum: second.checksum },
    ]);
    await client.query(`INSERT INTO "${schema}".things (id, name) VALUES (1, 'ok')`);
  });

  it('is a no-op when re-run', async () => {
    expect(await migrateService(client, schema, [first, second])).toEqual({ applied: [], skipped: [first.name, second.name] });
  });

  it('refuses a migration edited after it was applied', async () => {
    const edited = migration(first.name, `${first.sql} -- edited`);
    await expect(migrateService(client, schema, [edited, second])).rejects.toThrow(MigrationDriftError);
  });

  it('rolls back a failing migration and does not record it', async () => {
    const broken = migration('20260103000000_broken', `ALTER TABLE "${schema}".things ADD COLUMN extra int; SELECT * FROM nowhere;`);
    await expect(migrateService(client, schema, [first, second, broken])).rejects.toThrow(/20260103000000_broken failed/);
    const columns = await client.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'things'`,
      [schema],
    );
    expect(columns.rows.map((r) => r.column_name).sort()).toEqual(['id', 'name']);
    const recorded = await client.query(`SELECT count(*)::int AS n FROM "${schema}"."_prisma_migrations"`);
    expect(recorded.rows[0].n).toBe(2);
  });

  it('is safe when two migrate jobs run at once', async () => {
    const other = new Client({ connectionString: testDatabaseUrl() });
    await other.connect();
    const third = migration('20260104000000_third', `CREATE TABLE "${schema}".others (id int primary key);`);
    try {
      const results = await Promise.all([
        migrateService(client, schema, [first, second, third]),
        migrateService(other, schema, [first, second, third]),
      ]);
      expect(results.flatMap((r) => r.applied)).toEqual([third.name]);
    } finally {
      await other.end();
    }
  });
});
