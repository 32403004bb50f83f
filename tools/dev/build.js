/**
 * `pnpm run build`: compiles apps/, libs/ and tools/ with SWC (legacy decorators + metadata,
 * `@mikasmissions/*` aliases rewritten to relative paths) into dist/, then type-checks.
 * Run an app with `node dist/apps/<app>/src/main.js`.
 */
const { spawnSync } = require('node:child_process');
const { rmSync, cpSync, existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const run = (label, cmd, args) => {
  process.stdout.write(`build: ${label}…\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`build: ${label} failed\n`);
    process.exit(r.status ?? 1);
  }
};

process.stdout.write(`build: node ${process.version} (${process.execPath})\n`);
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
run('compile (swc)', bin('swc'), [
  'apps',
  'libs',
  'tools',
  '-d',
  'dist',
  '--config-file',
  '.swcrc',
  '--ignore',
  // node_modules of workspace packages (libs/authx-sdk's tsup, apps/web's Next.js), the SDK's own
  // tsup build, and the web app's static assets (fixtures/hls/*.ts are MPEG-TS video segments) are not sources.
  '**/*.spec.ts,**/*.e2e-spec.ts,**/*.contract.ts,**/node_modules/**,libs/authx-sdk/dist/**,apps/web/public/**,**/fixtures/hls/**',
  '--copy-files',
  '--quiet',
]);
for (const app of readdirSync(path.join(root, 'apps'))) {
  const generated = path.join(root, 'apps', app, 'src/generated');
  if (existsSync(generated))
    cpSync(generated, path.join(root, 'dist/apps', app, 'src/generated'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
}
run('type-check (tsc)', bin('tsc'), ['-p', 'tsconfig.json']);
process.stdout.write('build: done → dist/\n');
