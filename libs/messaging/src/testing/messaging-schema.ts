import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

const MIGRATION = join(__dirname, '../../../../prisma/analytics/migrations/20261123200000_messaging/migration.sql');

/**
 * Test helper: a fresh schema with the messaging tables, built from the real analytics
 * migration (so tests and production share one DDL). Returns the schema name.
 */
export async function createMessagingSchema(pool: Pool, label = 'msg'): Promise<string> {
  const schema = `${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const sql = readFileSync(MIGRATION, 'utf8').replace(/"analytics"/g, `"${schema}"`);
  await pool.query(`CREATE SCHEMA "${schema}"`);
  await pool.query(sql);
  return schema;
}
