import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { quoteSchema } from '@mikasmissions/persistence';
import type { Pool } from 'pg';

const SQL_DIR = join(__dirname, '../../sql');

/** The messaging migrations (`libs/messaging/sql/<folder>/migration.sql`, outbox, inbox, relay wake-up) for `schema`, in order. */
export function messagingMigrations(schema: string): string[] {
  return readdirSync(SQL_DIR)
    .sort()
    .map((folder) => readFileSync(join(SQL_DIR, folder, 'migration.sql'), 'utf8').split('"__SCHEMA__"').join(quoteSchema(schema)));
}

/**
 * Test helper: a fresh schema with the messaging tables, built from the lib's own SQL
 * (the same files `pnpm run migrate` applies). Returns the schema name.
 */
export async function createMessagingSchema(pool: Pool, label = 'msg'): Promise<string> {
  const schema = `${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  await pool.query(`CREATE SCHEMA ${quoteSchema(schema)}`);
  for (const sql of messagingMigrations(schema)) await pool.query(sql);
  return schema;
}
