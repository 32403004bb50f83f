import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type Migration, migrationFolder, readLibMigrations, readMigrations } from './migration-files';

/**
 * `prisma/<service>/platform.json`: the service's Postgres schema and the libs whose SQL
 * (`libs/<lib>/sql/`) goes into it, e.g. `{ "schema": "analytics", "libs": ["messaging", "authx"] }`.
 * Without the file: schema = the folder name, no libs.
 */
export interface ServicePlatform {
  schema: string;
  libs: string[];
}

/** What `pnpm run migrate` applies to one service. */
export interface ServicePlan extends ServicePlatform {
  service: string;
  /** The libs' and the service's own migrations, merged in timestamp order. */
  migrations: Migration[];
}

/** Raised for a `platform.json` that names a bad schema or an unknown lib. */
export class PlatformConfigError extends Error {}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** The repository root (the folder with `pnpm-workspace.yaml`), from source or from `dist/`. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The services that own a Postgres schema: every folder of `prisma/` with a `schema.prisma` or a `platform.json`. */
export function listServices(prismaDir: string): string[] {
  return readdirSync(prismaDir, { withFileTypes: true })
    .filter(
      (d) =>
        d.isDirectory() && (existsSync(join(prismaDir, d.name, 'schema.prisma')) || existsSync(join(prismaDir, d.name, 'platform.json'))),
    )
    .map((d) => d.name)
    .sort();
}

/** Reads and checks `prisma/<service>/platform.json` (see {@link ServicePlatform}). */
export function readPlatform(root: string, service: string): ServicePlatform {
  const file = join(root, 'prisma', service, 'platform.json');
  if (!existsSync(file)) return { schema: service, libs: [] };
  const where = `prisma/${service}/platform.json`;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<ServicePlatform>;
  const schema = raw.schema ?? service;
  if (typeof schema !== 'string' || !IDENTIFIER.test(schema))
    throw new PlatformConfigError(`${where}: "schema" must be a lowercase identifier (got ${JSON.stringify(raw.schema)})`);
  const libs = raw.libs ?? [];
  if (!Array.isArray(libs) || libs.some((l) => typeof l !== 'string'))
    throw new PlatformConfigError(`${where}: "libs" must be a list of lib names`);
  for (const lib of libs) {
    if (!existsSync(join(root, 'libs', lib, 'sql')))
      throw new PlatformConfigError(`${where}: lib "${lib}" ships no SQL (no libs/${lib}/sql/)`);
  }
  return { schema, libs };
}

/** The migrations of one service: each declared lib's SQL in its schema, then ordered with its own by timestamp. */
export function planService(root: string, service: string): ServicePlan {
  const platform = readPlatform(root, service);
  const own = readMigrations(join(root, 'prisma', service));
  const fromLibs = platform.libs.flatMap((lib) => readLibMigrations(join(root, 'libs', lib), lib, platform.schema));
  const migrations = [...fromLibs, ...own].sort((a, b) => migrationFolder(a.name).localeCompare(migrationFolder(b.name)));
  const names = new Set<string>();
  for (const m of migrations) {
    if (names.has(m.name)) throw new PlatformConfigError(`prisma/${service}: migration "${m.name}" appears twice`);
    names.add(m.name);
  }
  return { service, ...platform, migrations };
}
