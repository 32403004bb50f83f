/**
 * `pnpm run dev:local`: starts every app in apps/ (each folder with src/main.ts) on the host
 * with hot reload (`node --watch` + SWC), memory stores unless you export DATABASE_URL /
 * REDIS_URL yourself, and prints where each one listens once it is up, with the time it took.
 *
 * Each app restarts only when its own sources change: `--watch-path` limits the watcher to
 * `apps/<app>` (its generated Prisma client included), `libs/` and the tsconfig files, so a
 * `pnpm install` in this or another checkout re-linking node_modules restarts nothing.
 *
 * Events: with nothing exported (no DATABASE_URL / REDIS_URL / MESSAGING_REDIS_URL) and a Redis
 * answering PING on 127.0.0.1:6379, every app gets `MESSAGING_REDIS_URL` plus a per-run
 * `MESSAGING_STREAM_PREFIX`, so events (consent.verified, progress.updated, …) cross processes
 * over Redis Streams while every store stays memory (the run's streams are deleted on Ctrl-C).
 * Without such a Redis (or with
 * `DEV_LOCAL_EVENTS=inprocess`) events stay inside the process that published them.
 *
 *   pnpm run dev:local                 # every app
 *   pnpm run dev:local analytics       # only the named apps
 *   DEV_LOCAL_EVENTS=inprocess pnpm run dev:local   # never use a Redis for events
 *
 * apps/web (Next.js) runs as `next dev` on WEB_PORT (default 3000) with API_BASE_URL = the local
 * gateway; open http://localhost:3000 and walk signup → consent (the code is on identity's
 * console) → child → PIN → dashboard → kids mode.
 *
 * With `generation` among the apps and no `NIM_BASE_URL` exported, tools/fake-nim starts too
 * (`FAKE_NIM_PORT`, default 8099, where admin-studio's `nim-default` points).
 *
 * Moved ports: an exported `<APP>_PORT` also sets that service's URL variable for the others,
 * `WEB_PORT` the gateway's CORS origins, `FAKE_NIM_PORT` `NIM_BASE_URL` (unless exported). With
 * the catalog running, the demo clips of every demo episode are written once all apps are up.
 */
const { spawn } = require('node:child_process');
const { existsSync, readdirSync } = require('node:fs');
const path = require('node:path');
const { decideEvents } = require('./dev-local-events');
const { portVariable } = require('./app-inventory');

/**
 * What a moved port implies for the other apps, unless exported already: `<APP>_PORT` → that
 * service's URL variable (`IDENTITY_URL`, …, `CREATOR_URL` for creator-studio) at 127.0.0.1,
 * `WEB_PORT` → `GATEWAY_CORS_ORIGINS` for the web origin, and `FAKE_NIM_PORT` → `NIM_BASE_URL`
 * when the fake NIM starts. So `WEB_PORT=18400 GATEWAY_PORT=18480 … pnpm run dev:local` works.
 * @param {Record<string, string | undefined>} given the exported variables
 * @param {string[]} started the apps this run starts
 * @returns {Record<string, string>}
 */
function shiftedPortEnv(given, started) {
  const out = {};
  for (const name of started) {
    const port = given[portVariable(name)];
    const urlVar = name === 'creator-studio' ? 'CREATOR_URL' : `${name.toUpperCase().replace(/-/g, '_')}_URL`;
    if (port && port !== '0' && name !== 'gateway' && name !== WEB && !given[urlVar]) out[urlVar] = `http://127.0.0.1:${port}`;
  }
  if (given.WEB_PORT && !given.GATEWAY_CORS_ORIGINS)
    out.GATEWAY_CORS_ORIGINS = `http://localhost:${given.WEB_PORT},http://127.0.0.1:${given.WEB_PORT}`;
  if (given.FAKE_NIM_PORT && !given.NIM_BASE_URL && started.includes('generation'))
    out.NIM_BASE_URL = `http://127.0.0.1:${given.FAKE_NIM_PORT}`;
  return out;
}

const startedAt = performance.now();
/** apps/web is a Next.js app (no src/main.ts): `next dev` on WEB_PORT (default 3000) against the local gateway. */
const WEB = 'web';
const root = path.resolve(__dirname, '../..');
const wanted = process.argv.slice(2);
const known = readdirSync(path.join(root, 'apps'))
  .filter((name) => existsSync(path.join(root, 'apps', name, 'src/main.ts')) || name === WEB)
  .sort();
const unknown = wanted.filter((name) => !known.includes(name));
if (unknown.length > 0) {
  process.stderr.write(`dev:local: no app named ${unknown.join(', ')} in apps/; known: ${known.join(', ')}\n`);
  process.exit(2);
}
const apps = known.filter((name) => wanted.length === 0 || wanted.includes(name));

if (apps.length === 0) {
  process.stderr.write(`dev:local: no app found${wanted.length ? ` named ${wanted.join(', ')}` : ''} in apps/\n`);
  process.exit(2);
}

const env = {
  NODE_ENV: 'development',
  JWT_SECRET: 'dev-local-secret-change-me-0123456789',
  AUTH_DEV_LOGIN: 'true',
  // loopback only: the dev login refuses to run on a process reachable from the network
  LISTEN_HOST: '127.0.0.1',
  LOG_PRETTY: 'true',
  LOG_LEVEL: 'info',
  ...process.env,
};
if (!process.env.DATABASE_URL && !process.env.REDIS_URL) env.PERSISTENCE_MODE = process.env.PERSISTENCE_MODE ?? 'memory';
Object.assign(env, shiftedPortEnv(process.env, apps));

/** What runs: each app, plus the NIM stand-in when the generation worker runs without a real provider. */
const processes = apps.map((name) => ({
  name,
  file: path.join('apps', name, 'src/main.ts'),
  watch: [path.join('apps', name), 'libs', 'tsconfig.json', 'tsconfig.base.json'],
}));
if (apps.includes('generation') && !process.env.NIM_BASE_URL) {
  processes.push({
    name: 'fake-nim',
    file: path.join('tools', 'fake-nim', 'src', 'fake-nim.cli.ts'),
    watch: [path.join('tools', 'fake-nim')],
  });
}

const colors = [36, 35, 33, 32, 34, 31, 96, 95, 93, 92, 94, 91];
const width = Math.max(...processes.map((p) => p.name.length));
const listening = new Map();
const restartedAt = new Map();
const children = [];
let allUp = false;
/** @type {NodeJS.Timeout | undefined} */
let summaryTimer;
let hidden = 0;
// Nest's per-module / per-route start-up INFO lines: hidden unless DEV_VERBOSE or LOG_LEVEL=debug|trace
const quietStartup = !/^(1|true|yes)$/i.test(process.env.DEV_VERBOSE ?? '') && !['debug', 'trace'].includes(process.env.LOG_LEVEL ?? '');
const NEST_STARTUP = /INFO.*"context":"(InstanceLoader|RoutesResolver|RouterExplorer|NestFactory|NestApplication|NestMicroservice)"/;
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

let cleanupEvents = async () => 0;
void decideEvents(process.env).then((events) => {
  Object.assign(env, events.env);
  if (events.cleanup) cleanupEvents = events.cleanup;
  process.stdout.write(`dev:local: ${events.line}\n`);
  startApps();
});

function startApps() {
  process.stdout.write(
    `dev:local: starting ${apps.length} app(s): ${apps.join(', ')}${processes.length > apps.length ? ' and fake-nim' : ''} on node ${process.version} (persistence=${env.PERSISTENCE_MODE ?? 'auto'})\n`,
  );

  processes.forEach(({ name, file, watch: watched }, i) => {
    const tag = `\x1b[${colors[i % colors.length]}m${name.padEnd(width)}\x1b[0m │ `;
    const child = name === WEB ? spawnWeb() : spawnNode(file, watched);
    children.push(child);
    const relay = (stream, out) => {
      let buffer = '';
      stream.on('data', (chunk) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          if (failed) return; // nothing after the failure: no other app's "started" line buries it
          if (quietStartup && NEST_STARTUP.test(line)) {
            hidden += 1;
            continue;
          }
          out.write(`${tag}${line}\n`);
          if (summaryTimer) summaryTimer.refresh(); // the summary waits until the start-up lines are done
          if (!allUp && (line.includes('cannot start') || line.startsWith('Failed running '))) {
            failStartup(name, line);
            return;
          }
          if (line.startsWith('Restarting ')) restartedAt.set(name, performance.now());
          const match = line.match(/listening on (\S+)/) ?? (name === WEB ? line.match(/Local:\s+(\S+)/) : null);
          if (!match) continue;
          listening.set(name, match[1]);
          if (allUp) {
            const since = restartedAt.get(name);
            process.stdout.write(
              `\x1b[1mdev:local: ${name} is up again\x1b[0m at ${match[1]}${since ? ` (${seconds(since)} after the change)` : ''}\n`,
            );
          } else if (listening.size === processes.length) {
            allUp = true;
            // apps log asynchronously after "listening": print the summary once output is quiet, so it comes last
            summaryTimer = setTimeout(printSummary, 1_000);
          }
        }
      });
    };
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('exit', (code, signal) => {
      if (!allUp && !shuttingDown) failStartup(name, `exited (${signal ?? code})`);
      else if (!shuttingDown)
        process.stderr.write(`${tag}exited (${signal ?? code}); fix the error above — node --watch restarts it on save\n`);
    });
  });
}

/** `file` under SWC, restarted on changes under `watched` (none: runs once); `args` go to the script. */
function spawnNode(file, watched, args = []) {
  const watch = watched.length ? ['--watch', ...watched.flatMap((p) => ['--watch-path', p])] : [];
  return spawn(process.execPath, [...watch, '--enable-source-maps', '-r', '@swc-node/register', file, ...args], {
    cwd: root,
    env: { ...env, SWC_NODE_PROJECT: path.join(root, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** `next dev` (its own hot reload) in its own process group, so Ctrl-C also ends the next-server it forks. */
function spawnWeb() {
  const next = path.join(root, 'apps/web/node_modules/next/dist/bin/next');
  const port = process.env.WEB_PORT ?? '3000';
  const gateway = `http://localhost:${process.env.GATEWAY_PORT ?? '8080'}`;
  const child = spawn(process.execPath, [next, 'dev', '--port', port, '--hostname', 'localhost'], {
    cwd: path.join(root, 'apps/web'),
    env: { ...env, NODE_ENV: 'development', NEXT_TELEMETRY_DISABLED: '1', API_BASE_URL: process.env.API_BASE_URL ?? gateway },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const kill = child.kill.bind(child);
  child.kill = (signal) => {
    try {
      process.kill(-child.pid, signal);
      return true;
    } catch {
      return kill(signal);
    }
  };
  return child;
}

function printSummary() {
  summaryTimer = undefined;
  if (hidden > 0)
    process.stdout.write(
      `dev:local: ${hidden} Nest start-up line(s) hidden (module/route INFO); DEV_VERBOSE=true or LOG_LEVEL=debug shows them\n`,
    );
  process.stdout.write(`\n\x1b[1mdev:local: all apps are up in ${seconds(startedAt)}\x1b[0m\n`);
  for (const [name, url] of [...listening].sort()) process.stdout.write(`  ${name.padEnd(width)}  ${url}   (health: ${url}/health)\n`);
  process.stdout.write('\n');
  if (apps.includes('catalog') && !/^(0|false|off|no)$/i.test(process.env.DEV_LOCAL_DEMO_MEDIA ?? '')) seedDemoMedia();
}

/**
 * The catalog's memory-mode start writes only ep-demo-1's clip; the kids home shows ~30 demo
 * episodes. Once every app is up, `seed:catalog --no-db` writes the missing clips and thumbnails
 * into MEDIA_STORE_DIR (existing ones are kept; a second run does nothing) so every rail item
 * plays. `DEV_LOCAL_DEMO_MEDIA=off` skips it.
 */
function seedDemoMedia() {
  const seed = spawnNode(path.join('apps', 'catalog', 'src', 'demo', 'seed-catalog.cli.ts'), [], ['--no-db']);
  const started = performance.now();
  children.push(seed);
  let out = '';
  seed.stdout.on('data', (c) => (out += c));
  seed.stderr.on('data', (c) => (out += c));
  seed.on('exit', (code) => {
    if (shuttingDown) return;
    const line = out.split('\n').find((l) => l.includes('media in')) ?? out.trim().split('\n').pop();
    process.stdout.write(
      code === 0
        ? `dev:local: demo clips: ${line.replace(/^seed:catalog: /, '')} (${seconds(started)})\n`
        : `dev:local: demo clips not written (exit ${code}): ${line}; only ep-demo-1 plays. Try pnpm run seed:catalog\n`,
    );
  });
}

let failed = false;
/**
 * An app failed before every app was up (a port in use, bad config): say which and what to
 * change, stop every app this run started and exit 1.
 */
function failStartup(name, line) {
  if (failed || shuttingDown) return;
  failed = true;
  const portHint = /already in use|EADDRINUSE/.test(line) ? `; set ${portVariable(name)}=<a free port> to move it` : '';
  process.stderr.write(`\x1b[1mdev:local: ${name} could not start${portHint}. Stopping every app (exit 1).\x1b[0m\n`);
  shutdown(1);
}

let shuttingDown = false;
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => shutdown(0));

/** Stops every child (SIGTERM, then SIGKILL after 3 s), deletes this run's streams, exits with `code`. */
function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  for (const child of children) child.kill('SIGTERM');
  const exited = Promise.all(
    children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once('exit', r)))),
  );
  const deadline = new Promise((r) => setTimeout(r, 3000));
  // this run's event streams are of no use to the next run (memory inboxes start empty): delete them
  void Promise.race([exited, deadline])
    .then(() => cleanupEvents())
    .then((n) => n > 0 && process.stdout.write(`dev:local: deleted this run's ${n} event stream key(s)\n`))
    .catch(() => undefined)
    .finally(() => {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      process.exit(code);
    });
}
