/**
 * `pnpm --filter web run build:cloudflare`: the OpenNext Cloudflare build (`opennextjs-cloudflare
 * build`, which runs `next build` and adapts it to Workers) into `.open-next/` (worker.js plus
 * the static assets). Offline: it needs no Cloudflare account and no network.
 *
 * Pages get their nonce CSP and security headers from `src/middleware.ts` (Edge middleware, which
 * OpenNext bundles into the worker). Static files are served by Workers static assets before the
 * worker runs, so next.config's `headers()` never reaches them: this script writes the same
 * STATIC_SECURITY_HEADERS into `.open-next/assets/_headers` (Workers' headers file).
 *
 * It stops (exit 2) when someone adds a Next 16 `src/proxy.ts`: proxy always runs on Node.js,
 * and @opennextjs/cloudflare 1.20.x still fails with "Node.js middleware is not currently
 * supported" (opennextjs/opennextjs-cloudflare#1213, opennextjs/adapters-api#20).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { STATIC_SECURITY_HEADERS } from '../src/security/security-headers.ts';

const app = join(dirname(fileURLToPath(import.meta.url)), '..');
const stop = (lines) => {
  process.stderr.write(`${lines.join('\n')}\n`);
  process.exit(2);
};

if (existsSync(join(app, 'src/proxy.ts')))
  stop([
    'build:cloudflare: not built: src/proxy.ts exists. Next.js 16 runs proxy.ts on Node.js only, and',
    '@opennextjs/cloudflare does not run Node.js middleware yet ("Node.js middleware is not currently supported",',
    'https://github.com/opennextjs/adapters-api/issues/20). Keep the headers in src/middleware.ts (Edge runtime).',
  ]);

process.stdout.write('build:cloudflare: opennextjs-cloudflare build (next build, then the worker bundle) ...\n');
const run = spawnSync('pnpm', ['exec', 'opennextjs-cloudflare', 'build'], {
  cwd: app,
  stdio: 'inherit',
  env: { NEXT_TELEMETRY_DISABLED: '1', ...process.env },
});
if (run.status !== 0) process.exit(run.status ?? 1);

const lines = ['/*', ...STATIC_SECURITY_HEADERS.map(({ key, value }) => `  ${key}: ${value}`), ''];
writeFileSync(join(app, '.open-next/assets/_headers'), lines.join('\n'));
process.stdout.write('build:cloudflare: done: .open-next/worker.js, .open-next/assets (+ _headers)\n');
process.stdout.write('Serve it locally (offline, workerd from npm): pnpm --filter web run preview:cloudflare\n');
