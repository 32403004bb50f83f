/**
 * `pnpm run dev:local`: starts every app in apps/ (each folder with src/main.ts) on the host
 * with hot reload (`node --watch` + SWC), memory stores unless you export DATABASE_URL /
 * REDIS_URL yourself, and prints where each one listens once it is up.
 *
 *   pnpm run dev:local                 # every app
 *   pnpm run dev:local analytics       # only the named apps
 */
const { spawn } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const wanted = process.argv.slice(2);
const apps = readdirSync(path.join(root, 'apps'))
  .filter((name) => existsSync(path.join(root, 'apps', name, 'src/main.ts')))
  .filter((name) => wanted.length === 0 || wanted.includes(name))
  .sort();

if (apps.length === 0) {
  process.stderr.write(`dev:local: no app found${wanted.length ? ` named ${wanted.join(', ')}` : ''} in apps/\n`);
  process.exit(2);
}

const env = {
  NODE_ENV: 'development',
  JWT_SECRET: 'dev-local-secret-change-me-0123456789',
  AUTH_DEV_LOGIN: 'true',
  LOG_PRETTY: 'true',
  LOG_LEVEL: 'info',
  ...process.env,
};
if (!process.env.DATABASE_URL && !process.env.REDIS_URL) env.PERSISTENCE_MODE = process.env.PERSISTENCE_MODE ?? 'memory';

const colors = [36, 35, 33, 32, 34, 31, 96, 95, 93, 92, 94, 91];
const width = Math.max(...apps.map((a) => a.length));
const listening = new Map();
const children = [];

process.stdout.write(`dev:local: starting ${apps.length} app(s): ${apps.join(', ')} (persistence=${env.PERSISTENCE_MODE ?? 'auto'})\n`);

apps.forEach((name, i) => {
  const tag = `\x1b[${colors[i % colors.length]}m${name.padEnd(width)}\x1b[0m │ `;
  const child = spawn(process.execPath, ['--watch', '--enable-source-maps', '-r', '@swc-node/register', path.join('apps', name, 'src/main.ts')], {
    cwd: root,
    env: { ...env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const relay = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        out.write(`${tag}${line}\n`);
        const match = line.match(/listening on (\S+)/);
        if (match) {
          listening.set(name, match[1]);
          if (listening.size === apps.length) printSummary();
        }
      }
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!shuttingDown) process.stderr.write(`${tag}exited (${signal ?? code}); fix the error above — node --watch restarts it on save\n`);
  });
});

function printSummary() {
  process.stdout.write('\n\x1b[1mdev:local: all apps are up\x1b[0m\n');
  for (const [name, url] of [...listening].sort()) process.stdout.write(`  ${name.padEnd(width)}  ${url}   (health: ${url}/health)\n`);
  process.stdout.write('\n');
}

let shuttingDown = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    shuttingDown = true;
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
