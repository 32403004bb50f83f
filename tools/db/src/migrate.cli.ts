import { Client } from 'pg';
import { migrateServices } from './migrations';
import { join } from 'node:path';
import { listServices, repoRoot } from './service-plan';

/**
 * `pnpm run migrate [service…]`: for every service of `prisma/` (or the ones named), applies
 * the SQL of the libs it declares in `prisma/<service>/platform.json` and its own
 * `prisma/<service>/migrations` to its schema in DATABASE_URL. Safe to re-run (applied
 * ones are skipped).
 */
async function main(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const known = listServices(join(repoRoot(), 'prisma'));
  const unknown = only.filter((s) => !known.includes(s));
  if (unknown.length) {
    process.stderr.write(`migrate: unknown service(s): ${unknown.join(', ')}. Known: ${known.join(', ')}\n`);
    process.exit(2);
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('migrate: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/mikasmissions)\n');
    process.exit(2);
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    process.stderr.write(`migrate: cannot connect to DATABASE_URL: ${(error as Error).message}\n`);
    process.exit(1);
  }
  try {
    const results = await migrateServices(client, repoRoot(), { only, log: (l) => process.stdout.write(`${l}\n`) });
    for (const r of results) {
      const libs = r.libs.length ? `libs ${r.libs.join(', ')}` : 'no libs';
      process.stdout.write(
        `migrate: ${r.service} (schema ${r.schema}, ${libs}): ${r.applied.length} applied, ${r.skipped.length} already up to date\n`,
      );
    }
  } catch (error) {
    process.stderr.write(`migrate: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await client.end();
  }
}

void main();
