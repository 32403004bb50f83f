import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

const LIBS = join(__dirname, '../..');
const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * A lib's own SQL (`libs/<lib>/sql/<folder>/migration.sql`, the files `pnpm run migrate`
 * applies) written for `schema`, in order.
 *
 * @example
 * for (const sql of libMigrations('messaging', 'analytics')) await client.query(sql);
 */
export function libMigrations(lib: string, schema: string): string[] {
  if (!IDENTIFIER.test(schema)) throw new Error(`libMigrations: invalid schema name "${schema}"`);
  const dir = join(LIBS, lib, 'sql');
  return readdirSync(dir)
    .sort()
    .map((folder) =>
      readFileSync(join(dir, folder, 'migration.sql'), 'utf8')
        .split('"__SCHEMA__"')
        .join(`"${schema}"`),
    );
}

/**
 * A fresh, uniquely named schema with the tables of `libs` (e.g. `['messaging']`), built from
 * their own SQL. Returns its name; drop it with {@link dropSchema}.
 */
export async function createLibSchema(pool: Pool, libs: string[], label = 't'): Promise<string> {
  const schema = `${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  await pool.query(`CREATE SCHEMA "${schema}"`);
  for (const lib of libs) for (const sql of libMigrations(lib, schema)) await pool.query(sql);
  return schema;
}

/** Drops a schema made by {@link createLibSchema}, with its tables. */
export async function dropSchema(pool: Pool, schema: string): Promise<void> {
  if (!IDENTIFIER.test(schema)) throw new Error(`dropSchema: invalid schema name "${schema}"`);
  await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
}
