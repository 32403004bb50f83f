/**
 * `pnpm --filter web run build:cloudflare`: the OpenNext Cloudflare build (`opennextjs-cloudflare
 * build`, which runs `next build` and adapts it to Workers). Stops with a clear message while
 * `@opennextjs/cloudflare` and `wrangler` are not installed in this checkout.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import process from 'node:process';

const require = createRequire(import.meta.url);
try {
  require.resolve('@opennextjs/cloudflare/package.json');
} catch {
  process.stderr.write(
    'build:cloudflare: not built: @opennextjs/cloudflare (and wrangler) are not installed yet.\n' +
      'Add them with `pnpm --filter @mikasmissions/web add -D @opennextjs/cloudflare wrangler`, then run this again.\n',
  );
  process.exit(2);
}
const run = spawnSync('pnpm', ['exec', 'opennextjs-cloudflare', 'build'], { stdio: 'inherit', env: process.env });
process.exit(run.status ?? 1);
