/**
 * `pnpm --filter web run build:cloudflare`: the OpenNext Cloudflare build (`opennextjs-cloudflare
 * build`, which runs `next build` and adapts it to Workers).
 *
 * It stops with exit 2 and says why while the app has a `src/proxy.ts`: Next.js 16 runs `proxy.ts`
 * (where this app sets its nonce CSP and security headers) only on the Node.js runtime, and
 * `@opennextjs/cloudflare` (1.19.x) supports Next.js 16 but not Node.js middleware; its build fails
 * with "Node.js middleware is not currently supported". Sources: https://opennext.js.org/cloudflare
 * (Next.js 16 supported), https://developers.cloudflare.com/workers/framework-guides/web-apps/opennext/
 * ("Node.js in Middleware: Not yet supported"), opennextjs/opennextjs-cloudflare#1213 and
 * opennextjs/adapters-api#20 (open, no date). It also stops (exit 2) while the adapter is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const stop = (lines) => {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(2);
};

if (existsSync(join(app, 'src/proxy.ts')))
  stop([
    'build:cloudflare: not built: apps/web sets its CSP and security headers in src/proxy.ts, which Next.js 16 runs',
    'on the Node.js runtime only, and @opennextjs/cloudflare does not run Node.js middleware yet',
    '("Node.js middleware is not currently supported"). A Workers build would ship without those headers.',
    'See https://developers.cloudflare.com/workers/framework-guides/web-apps/opennext/ (Node.js in Middleware:',
    'not yet supported) and https://github.com/opennextjs/adapters-api/issues/20. `pnpm --filter web run build`',
    'and `start` serve the production build with the headers meanwhile.',
  ]);

const require = createRequire(import.meta.url);
try {
  require.resolve('@opennextjs/cloudflare/package.json');
} catch {
  stop([
    'build:cloudflare: not built: @opennextjs/cloudflare (and wrangler) are not installed yet.',
    'Add them with `pnpm --filter @mikasmissions/web add -D @opennextjs/cloudflare wrangler`, then run this again.',
  ]);
}
const run = spawnSync('pnpm', ['exec', 'opennextjs-cloudflare', 'build'], { cwd: app, stdio: 'inherit', env: process.env });
process.exit(run.status ?? 1);
