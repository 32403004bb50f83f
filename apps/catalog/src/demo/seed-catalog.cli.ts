import { resolve } from 'node:path';
import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { PostgresEpisodesRepository } from '../episodes/adapters/postgres-episodes.repository';
import { demoEpisodes } from './demo-catalog';
import { generateDemoMedia } from './demo-media';
import { seedDemoCatalog } from './seed-demo-catalog';

/**
 * `pnpm run seed:catalog [--no-media] [--no-db]`: writes the demo HLS clips and thumbnails into
 * `MEDIA_STORE_DIR` (default `var/media`; existing ones are kept) and, when `DATABASE_URL` is
 * set, upserts the ~30 demo episodes into the catalog schema (`CATALOG_SCHEMA`, default
 * `catalog`; run `pnpm run migrate catalog` first). Memory mode needs only the media.
 */
async function main(argv: string[]): Promise<void> {
  const say = (line: string) => process.stdout.write(`seed:catalog: ${line}\n`);
  if (!argv.includes('--no-media')) {
    const dir = resolve(process.env.MEDIA_STORE_DIR || 'var/media');
    const made = await generateDemoMedia(dir, demoEpisodes());
    say(`media in ${dir}: ${made} clip(s) generated, ${demoEpisodes().length - made} already there`);
  }
  const url = process.env.DATABASE_URL;
  if (argv.includes('--no-db') || !url) {
    say(url ? 'database skipped (--no-db)' : 'no DATABASE_URL: database skipped (memory mode loads the demo episodes at start)');
    return;
  }
  const pool = createPgPool(url, 2);
  try {
    const changed = await seedDemoCatalog(
      new PostgresEpisodesRepository(new PoolSqlTransactions(pool), process.env.CATALOG_SCHEMA || 'catalog'),
    );
    say(`database: ${demoEpisodes().length} demo episodes, ${changed} new or changed`);
  } finally {
    await pool.end();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`seed:catalog failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
