import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** The variable that tells services (and the gateway) where each app listens: libs/service-client's `SERVICE_URLS`, which this lib cannot import (service-client's specs import testing). */
const URL_VARS: Record<string, string> = {
  identity: 'IDENTITY_URL',
  profile: 'PROFILE_URL',
  catalog: 'CATALOG_URL',
  recommendation: 'RECOMMENDATION_URL',
  playback: 'PLAYBACK_URL',
  progress: 'PROGRESS_URL',
  'creator-studio': 'CREATOR_URL',
  moderation: 'MODERATION_URL',
  billing: 'BILLING_URL',
  'admin-studio': 'ADMIN_STUDIO_URL',
  notification: 'NOTIFICATION_URL',
};

/** Apps started by {@link startServices}, each a real `node apps/<name>/src/main.ts` process on loopback. */
export interface ServiceProcesses {
  /** `http://127.0.0.1:<port>` per app name. */
  urls: Record<string, string>;
  /** What each process printed so far (for failure messages). */
  output(name: string): string;
  /** SIGTERMs every process (SIGKILL after 5 s) and waits for them to exit. */
  stop(): Promise<void>;
  /**
   * Sends `signal` to one process (e.g. `SIGKILL` for a crash test) and waits until it has exited.
   * `{ children: true }` sends it to the processes it spawned too (its ffmpeg), as a container's or
   * pod's death takes them: a lone SIGKILL of Node leaves them running as orphans.
   */
  kill(name: string, signal: NodeJS.Signals, options?: { children?: boolean }): Promise<void>;
}

/** The pids of the processes `pid` spawned (Linux/macOS `pgrep -P`; none when pgrep is missing). */
function childPids(pid: number): number[] {
  const found = spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' });
  return (found.stdout ?? '')
    .split('\n')
    .map((line) => Number(line.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const portVar = (name: string) => `${name.toUpperCase().replace(/-/g, '_')}_PORT`;

function waitListening(name: string, child: ChildProcess, log: { text: string }, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${log.text}`)), timeoutMs);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code}) during start:\n${log.text}`));
    };
    child.once('exit', onExit);
    const watch = () => {
      if (!/listening on http/.test(log.text)) return;
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout?.off('data', watch);
      resolve();
    };
    child.stdout?.on('data', watch);
  });
}

/**
 * Test helper: starts the named apps as real processes (`node -r @swc-node/register
 * apps/<name>/src/main.ts`, as dev:local does), each on a free loopback port, with `env`
 * plus every started app's `<NAME>_URL` (so services and the gateway find each other) and
 * `<NAME>_PORT`. Resolves once each printed `listening on`; rejects with its output if one
 * exits or is not up within `timeoutMs` (default 60 s). Always `stop()` in `afterAll`. `env` may
 * be a function of the apps' URLs, for a variable that names another app's address (catalog's
 * `MEDIA_BASE` through the gateway).
 * `ports` pins an app to a port (a stack other terminals reach at known addresses); the rest get free ones.
 *
 * @example
 * const platform = await startServices(['identity', 'profile', 'gateway'], testEnv('postgres', { AUTH_MODE: 'enforce' }));
 * await fetch(`${platform.urls.gateway}/v1/parents/signup`, …);
 */
export async function startServices(
  names: readonly string[],
  env: Record<string, string | undefined> | ((urls: Record<string, string>) => Record<string, string | undefined>),
  timeoutMs = 60_000,
  pinned: Readonly<Record<string, number>> = {},
): Promise<ServiceProcesses> {
  const ports = Object.fromEntries(await Promise.all(names.map(async (name) => [name, pinned[name] ?? (await freePort())] as const)));
  const urls = Object.fromEntries(names.map((name) => [name, `http://127.0.0.1:${ports[name]}`]));
  const shared: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    LISTEN_HOST: '127.0.0.1',
    ...(typeof env === 'function' ? env(urls) : env),
  };
  for (const name of names) if (URL_VARS[name]) shared[URL_VARS[name]] = urls[name];
  const children = new Map<string, ChildProcess>();
  const logs = new Map<string, { text: string }>();
  for (const name of names) {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join('apps', name, 'src/main.ts')], {
      cwd: ROOT,
      env: { ...shared, [portVar(name)]: String(ports[name]), SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = { text: '' };
    const append = (chunk: Buffer) => {
      log.text = (log.text + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    children.set(name, child);
    logs.set(name, log);
  }
  const processes: ServiceProcesses = {
    urls,
    output: (name) => logs.get(name)?.text ?? '',
    kill: (name, signal, options = {}) =>
      new Promise<void>((resolve) => {
        const child = children.get(name);
        if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
        const spawned = options.children && child.pid ? childPids(child.pid) : [];
        child.once('exit', () => resolve());
        child.kill(signal);
        for (const pid of spawned) {
          try {
            process.kill(pid, signal);
          } catch {
            // already gone
          }
        }
      }),
    stop: async () => {
      await Promise.all(
        [...children.values()].map(
          (child) =>
            new Promise<void>((resolve) => {
              if (child.exitCode !== null || child.signalCode !== null) return resolve();
              const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
              child.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
  try {
    await Promise.all(names.map((name) => waitListening(name, children.get(name)!, logs.get(name)!, timeoutMs)));
  } catch (error) {
    await processes.stop();
    throw error;
  }
  return processes;
}
