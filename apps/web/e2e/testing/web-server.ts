import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** apps/web. */
export const WEB_DIR = join(__dirname, '../..');
const NEXT_BIN = join(WEB_DIR, 'node_modules/next/dist/bin/next');

/**
 * Holds a free loopback port until `release()`, so processes started meanwhile (which pick
 * their own free ports) cannot take it.
 */
export async function holdPort(): Promise<{ port: number; release(): Promise<void> }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { port, release: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** A free loopback port (the OS picks it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function baseEnv(extra: Record<string, string | undefined>): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs `next <args>` to completion in apps/web; rejects with its output on a non-zero exit. */
export function runNext(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 600_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [NEXT_BIN, ...args], { cwd: WEB_DIR, env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`next ${args.join(' ')} exited ${code}:\n${out.slice(-6000)}`));
    });
  });
}

/** A running `next start` / `next dev` of apps/web. */
export interface WebServer {
  origin: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `next start` (the last build) or `next dev` on `port` (loopback), resolving once the
 * server answers `/`. `env` reaches the server (e.g. `API_BASE_URL`).
 */
export async function startNext(
  command: 'start' | 'dev',
  port: number,
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
): Promise<WebServer> {
  const child: ChildProcess = spawn(process.execPath, [NEXT_BIN, command, '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: WEB_DIR,
    env: baseEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group: next forks a next-server child that a signal to next alone leaves running
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  child.stderr?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child);
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next ${command} exited ${child.exitCode}:\n${out}`);
    // "Ready" on its own output first: another process answering on the port is not this server
    const up =
      /Ready in/.test(out) &&
      (await fetch(`${origin}/de`, { redirect: 'manual' }).then(
        (r) => r.status < 500,
        () => false,
      ));
    if (up) break;
    if (Date.now() > end) {
      await stop();
      throw new Error(`next ${command} did not answer within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { origin, output: () => out, stop };
}

/** Stops a process started with `detached: true` and its whole group (SIGTERM, then SIGKILL after 5 s). */
export function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const group = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* the group is gone */
      }
    };
    const kill = setTimeout(() => group('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      group('SIGKILL');
      resolve();
    });
    group('SIGTERM');
  });
}
