import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One migration as the runner applies it and records it in `_prisma_migrations`. */
export interface Migration {
  /** The recorded `migration_name`: the folder for a service's own, `<lib>/<folder>` for a lib's. */
  name: string;
  /** The SQL to run (a lib's with its schema filled in). */
  sql: string;
  /** SHA-256 of `migration.sql` as stored in the repository, like Prisma Migrate. */
  checksum: string;
}

/** What a lib's `sql/<folder>/migration.sql` writes where the service's schema goes. */
export const SCHEMA_PLACEHOLDER = '"__SCHEMA__"';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function readFolders(dir: string): Array<{ folder: string; sql: string }> {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'migration.sql')))
    .map((d) => ({ folder: d.name, sql: readFileSync(join(dir, d.name, 'migration.sql'), 'utf8') }))
    .sort((a, b) => a.folder.localeCompare(b.folder));
}

/** The service's own migrations (`prisma/<service>/migrations/<folder>/migration.sql`), in order. */
export function readMigrations(serviceDir: string): Migration[] {
  return readFolders(join(serviceDir, 'migrations')).map(({ folder, sql }) => ({ name: folder, sql, checksum: sha256(sql) }));
}

/**
 * A lib's migrations (`libs/<lib>/sql/<folder>/migration.sql`) for one schema, in order:
 * {@link SCHEMA_PLACEHOLDER} becomes `"<schema>"`, the checksum stays that of the file.
 */
export function readLibMigrations(libDir: string, lib: string, schema: string): Migration[] {
  const quoted = `"${schema}"`;
  return readFolders(join(libDir, 'sql')).map(({ folder, sql }) => ({
    name: `${lib}/${folder}`,
    sql: sql.split(SCHEMA_PLACEHOLDER).join(quoted),
    checksum: sha256(sql),
  }));
}

/** The folder part of a recorded name (`messaging/20261201000000_outbox_inbox` → `20261201000000_outbox_inbox`): its timestamp orders it. */
export function migrationFolder(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}
