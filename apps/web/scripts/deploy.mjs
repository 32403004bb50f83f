/**
 * `pnpm --filter web run deploy`: the OpenNext Cloudflare build and `opennextjs-cloudflare deploy`,
 * only when the four secrets of seed 000's deploy workflow are set; otherwise it stops before
 * building and names what is missing. Fallbacks must be off (the build refuses them anyway).
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';

const REQUIRED = ['CLOUDFLARE_API_TOKEN', 'CLOUDFLARE_ACCOUNT_ID', 'NEXT_PUBLIC_API_BASE_URL', 'CLOUDFLARE_WORKERS_DEV_URL'];
const missing = REQUIRED.filter((name) => !process.env[name]?.trim());
if (missing.length > 0) {
  process.stderr.write(
    `deploy: stopped before building: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set.\n` +
      `The Cloudflare deploy needs all four of seed 000's CI secrets: ${REQUIRED.join(', ')}.\n` +
      'Export them (or set them as CI secrets) and run `pnpm --filter web run deploy` again.\n',
  );
  process.exit(2);
}
if (process.env.NEXT_PUBLIC_USE_API_FALLBACKS === 'true') {
  process.stderr.write('deploy: NEXT_PUBLIC_USE_API_FALLBACKS=true is for the dev server only; unset it.\n');
  process.exit(2);
}
const build = spawnSync(process.execPath, ['--disable-warning=MODULE_TYPELESS_PACKAGE_JSON', 'scripts/build-cloudflare.mjs'], {
  stdio: 'inherit',
  env: process.env,
});
if (build.status !== 0) process.exit(build.status ?? 1);
const deploy = spawnSync('pnpm', ['exec', 'opennextjs-cloudflare', 'deploy'], { stdio: 'inherit', env: process.env });
if (deploy.status !== 0) process.exit(deploy.status ?? 1);
process.stdout.write(`deploy: done; the worker answers on ${process.env.CLOUDFLARE_WORKERS_DEV_URL}\n`);
