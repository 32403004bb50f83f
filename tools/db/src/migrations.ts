import { join } from 'node:path';
import { Client } from 'pg';
import type { Migration } from './migration-files';
import { listServices, planService, type ServicePlan } from './service-plan';

export type { Migration } from './migration-files';

/** Raised when an applied migration's file was edited afterwards. */
export class MigrationDriftError extends Error {}

const LOCK_KEY = 727_001;

/** What one run did to one schema. */
export interface MigrateResult {
  applied: string[];
  skipped: string[];
}

/**
 * Applies the pending `migrations` inside the Postgres schema `schemaName`, each in a
 * transaction, under an advisory lock (safe with several migrate jobs at once), recording
 * them in `<schema>._prisma_migrations` — the table and checksums Prisma Migrate uses,
 * so `prisma migrate deploy` and this runner agree on what is applied. Rows recorded under
 * names no longer in `migrations` (an older layout) are left alone.
 */
export async function migrateService(
  client: Client,
  schemaName: string,
  migrations: Migration[],
  log: (line: string) => void = () => undefined,
): Promise<MigrateResult> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schemaName)) throw new Error(`migrate: invalid schema name "${schemaName}"`);
  const schema = `"${schemaName}"`;
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
          throw new MigrationDriftError(
            `${schemaName}: ${m.name} was edited after it was applied (checksum differs); add a new migration instead`,
          );
        }
        skipped.push(m.name);
        continue;
      }
      log(`  applying ${schemaName}: ${m.name}`);
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
        throw new Error(`${schemaName}: ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
    }
    return { applied, skipped };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  }
}

/**
 * `pnpm run migrate` and the Jest global setup: for each service of `prisma/` (or just
 * `only`), applies its libs' SQL and its own migrations to its schema ({@link planService}).
 */
export async function migrateServices(
  client: Client,
  root: string,
  options: { only?: string[]; log?: (line: string) => void } = {},
): Promise<Array<ServicePlan & MigrateResult>> {
  const services = listServices(join(root, 'prisma')).filter((s) => !options.only?.length || options.only.includes(s));
  const missing = (options.only ?? []).filter((s) => !services.includes(s));
  if (missing.length) throw new Error(`unknown service(s): ${missing.join(', ')} (no prisma/<service>/)`);
  const results: Array<ServicePlan & MigrateResult> = [];
  for (const service of services) {
    const plan = planService(root, service);
    results.push({ ...plan, ...(await migrateService(client, plan.schema, plan.migrations, options.log)) });
  }
  return results;
}
