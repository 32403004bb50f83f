import { resolve } from 'node:path';
import { Client } from 'pg';
import { listServices, migrateService, readMigrations } from './migrations';

/**
 * `pnpm run migrate [service…]`: applies every service's pending migrations to
 * DATABASE_URL. Safe to re-run (applied ones are skipped).
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('migrate: DATABASE_URL is not set (e.g. postgresql://postgres@127.0.0.1:5432/mikasmissions)\n');
    process.exit(2);
  }
  const prismaDir = resolve(__dirname, '../../../prisma');
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const services = listServices(prismaDir).filter((s) => wanted.length === 0 || wanted.includes(s));
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
  } catch (error) {
    process.stderr.write(`migrate: cannot connect to DATABASE_URL: ${(error as Error).message}\n`);
    process.exit(1);
  }
  try {
    for (const service of services) {
      const result = await migrateService(client, service, readMigrations(resolve(prismaDir, service)), (l) => process.stdout.write(`${l}\n`));
      process.stdout.write(`migrate: ${service}: ${result.applied.length} applied, ${result.skipped.length} already up to date\n`);
    }
  } catch (error) {
    process.stderr.write(`migrate: ${(error as Error).message}\n`);
    process.exitCode = 1;
  } finally {
    await client.end();
  }
}

void main();
