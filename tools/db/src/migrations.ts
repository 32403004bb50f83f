import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

/** One migration folder of a service, as Prisma Migrate lays them out. */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

/** The services that own a Prisma schema: every folder of `prisma/` with a `schema.prisma`. */
export function listServices(prismaDir: string): string[] {
  return readdirSync(prismaDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(prismaDir, d.name, 'schema.prisma')))
    .map((d) => d.name)
    .sort();
}

/** The migrations of one service in the order they apply. */
export function readMigrations(serviceDir: string): Migration[] {
  const dir = join(serviceDir, 'migrations');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => {
      const sql = readFileSync(join(dir, d.name, 'migration.sql'), 'utf8');
      return { name: d.name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Raised when an applied migration's file was edited afterwards. */
export class MigrationDriftError extends Error {}

const LOCK_KEY = 727_001;

/**
 * Applies the pending migrations of `service` inside its own Postgres schema, each in a
 * transaction, under an advisory lock (safe with several migrate jobs at once), recording
 * them in `<service>._prisma_migrations` — the table and checksums Prisma Migrate uses,
 * so `prisma migrate deploy` and this runner agree on what is applied.
 */
export async function migrateService(
  client: Client,
  service: string,
  migrations: Migration[],
  log: (line: string) => void = () => undefined,
): Promise<{ applied: string[]; skipped: string[] }> {
  const schema = `"${service.replace(/"/g, '')}"`;
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    await client.query(`CREATE TABLE IF NOT EXISTS ${schema}."_prisma_migrations" (
      id VARCHAR(36) PRIMARY KEY, checksum VARCHAR(64) NOT NULL, finished_at TIMESTAMPTZ,
      migration_name VARCHAR(255) NOT NULL, logs TEXT, rolled_back_at TIMESTAMPTZ,
      started_at TIMESTAMPTZ NOT NULL DEFAULT now(), applied_steps_count INTEGER NOT NULL DEFAULT 0)`);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM ${schema}."_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r.checksum]));
    const applied: string[] = [];
    const skipped: string[] = [];
    for (const m of migrations) {
      const previous = done.get(m.name);
      if (previous !== undefined) {
        if (previous !== m.checksum) {
          throw new MigrationDriftError(`${service}/${m.name} was edited after it was applied (checksum differs); add a new migration instead`);
        }
        skipped.push(m.name);
        continue;
      }
      log(`  applying ${service}/${m.name}`);
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO ${schema}."_prisma_migrations" (id, checksum, finished_at, migration_name, applied_steps_count)
           VALUES (gen_random_uuid()::text, $1, now(), $2, 1)`,
          [m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`${service}/${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied, skipped };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}
