import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

const MIGRATIONS = join(__dirname, '../../../../prisma/analytics/migrations');

/** The messaging migrations of the analytics service (outbox, inbox, relay wake-up), in order. */
export function messagingMigrations(): string[] {
  return readdirSync(MIGRATIONS)
    .filter((name) => name.includes('_messaging'))
    .sort()
    .map((name) => readFileSync(join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
}

/**
 * Test helper: a fresh schema with the messaging tables, built from the real analytics
 * migrations (so tests and production share one DDL). Returns the schema name.
 */
export async function createMessagingSchema(pool: Pool, label = 'msg'): Promise<string> {
  const schema = `${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  await pool.query(`CREATE SCHEMA "${schema}"`);
  for (const sql of messagingMigrations()) await pool.query(sql.replace(/"analytics"/g, `"${schema}"`));
  return schema;
}
