import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { libMigrations, testDatabaseUrl } from '@mikasmissions/testing';
import { Client } from 'pg';

const ROOT = join(__dirname, '../../../../..');
const MIGRATIONS = join(ROOT, 'prisma/analytics/migrations');
const LIBS = (JSON.parse(readFileSync(join(ROOT, 'prisma/analytics/platform.json'), 'utf8')) as { libs: string[] }).libs;

const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

/** A database of its own, with the analytics schema. */
export interface IsolatedDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Test helper: a fresh database (next to the run's throwaway one) with the analytics
 * schema (its own migrations and the SQL of the libs of its platform.json — messaging, authx,
 * idempotency — as `pnpm run migrate` applies them),
 * so a test's in-process relay never races other suites' apps for outbox rows.
 */
export async function createIsolatedDatabase(label: string): Promise<IsolatedDatabase> {
  const base = new URL(testDatabaseUrl());
  const name = `${base.pathname.slice(1)}_${label}_${Math.random().toString(36).slice(2, 7)}`.slice(0, 63);
  const admin = new Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  for (const dir of folders(MIGRATIONS)) await client.query(readFileSync(join(MIGRATIONS, dir, 'migration.sql'), 'utf8'));
  for (const lib of LIBS) for (const sql of libMigrations(lib, 'analytics')) await client.query(sql);
  await client.end();
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
