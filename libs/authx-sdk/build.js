/**
 * Builds @mikasmissions/authx-sdk into dist/: ESM (dist/esm, relative imports with .js),
 * CommonJS (dist/cjs) and type declarations (dist/types), with TypeScript's compiler and no
 * Node types (tsconfig.build.json: DOM + ES2020 only), so nothing Node-only slips in.
 *   pnpm --filter @mikasmissions/authx-sdk build
 */
const { spawnSync } = require('node:child_process');
const { readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const here = __dirname;
const tsc = require.resolve('typescript/bin/tsc');
const dist = path.join(here, 'dist');
rmSync(dist, { recursive: true, force: true });

const run = (label, args) => {
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', ...args], { cwd: here, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write(`authx-sdk build: ${label} failed\n`);
    process.exit(r.status ?? 1);
  }
};

run('esm', ['--module', 'ES2020', '--outDir', 'dist/esm']);
run('cjs', ['--module', 'CommonJS', '--outDir', 'dist/cjs']);
run('types', ['--declaration', '--emitDeclarationOnly', '--outDir', 'dist/types']);

for (const file of readdirSync(path.join(dist, 'esm'))) {
  const full = path.join(dist, 'esm', file);
  writeFileSync(
    full,
    readFileSync(full, 'utf8').replace(
      /(from\s+['"])(\.\/[^'"]+?)(['"])/g,
      (_m, a, spec, b) => `${a}${spec.endsWith('.js') ? spec : `${spec}.js`}${b}`,
    ),
  );
}
writeFileSync(path.join(dist, 'esm', 'package.json'), '{ "type": "module" }\n');
writeFileSync(path.join(dist, 'cjs', 'package.json'), '{ "type": "commonjs" }\n');
process.stdout.write('authx-sdk build: dist/esm, dist/cjs, dist/types\n');
