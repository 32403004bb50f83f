import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { quoteSchema } from '../adapters/postgres/postgres-schema';

const MIGRATIONS = join(__dirname, '../../sql');

/** AuthX's own SQL (`libs/authx/sql`, written against `"__SCHEMA__"`), in order. */
export function authxMigrations(): string[] {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => readFileSync(join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
}

/**
 * Test helper (not exported from index.ts): a fresh schema with AuthX's tables, built from the
 * lib's own SQL with `"__SCHEMA__"` replaced, so tests and production share one DDL.
 * Returns the schema name; drop it with {@link dropAuthxSchema}.
 */
export async function createAuthxSchema(pool: Pool, label = 'authx'): Promise<string> {
  const schema = `${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const quoted = quoteSchema(schema);
  for (const sql of authxMigrations()) await pool.query(sql.replace(/"__SCHEMA__"/g, quoted));
  return schema;
}

/** Drops a schema made by {@link createAuthxSchema}, with its tables. */
export async function dropAuthxSchema(pool: Pool, schema: string): Promise<void> {
  await pool.query(`DROP SCHEMA IF EXISTS ${quoteSchema(schema)} CASCADE`);
}
