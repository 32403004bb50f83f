import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

/** The repository root. */
export const ROOT = join(__dirname, '../../..');

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `command` and resolves once its output matches `ready`; output also goes to `log`. */
function startUntil(
  name: string,
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  log: WriteStream,
  timeoutMs: number,
): Promise<ChildProcess> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start in ${timeoutMs} ms:\n${out.slice(-2000)}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      log.write(chunk);
      if (out.length < 100_000) out += chunk.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        out = '';
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) during start:\n${out.slice(-2000)}`));
    });
  });
}

/** Sends `signal` and resolves once the process has exited. */
export function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

/** The drill's own Redis: no RDB, no AOF, so a restart comes back empty. */
export class DrillRedis {
  private child?: ChildProcess;
  constructor(
    readonly port: number,
    private readonly log: WriteStream,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
    this.child = await startUntil('redis-server', 'redis-server', args, process.env, /Ready to accept connections/, this.log, 10_000);
  }

  /** SIGKILL: everything it held is gone. */
  kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    return stopProcess(child, 'SIGKILL');
  }
}

/** The real analytics service (`apps/analytics/src/main.ts`) as a child process that can be SIGKILLed. */
export class AnalyticsProcess {
  private child?: ChildProcess;
  constructor(
    private readonly env: Record<string, string>,
    private readonly log: WriteStream,
  ) {}

  async start(): Promise<void> {
    const env = { PATH: process.env.PATH, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...this.env };
    this.child = await startUntil(
      'analytics',
      process.execPath,
      ['-r', '@swc-node/register', 'apps/analytics/src/main.ts'],
      env,
      /listening on http/,
      this.log,
      60_000,
    );
  }

  kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.child;
    this.child = undefined;
    return stopProcess(child, signal);
  }
}

/** A log file for the stack's processes. */
export function openLog(path: string): WriteStream {
  return createWriteStream(path, { flags: 'a' });
}

/** A throwaway database: created next to `adminUrl`'s, migrated by `pnpm run migrate analytics`, dropped at the end. */
export interface DrillDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Creates and migrates the drill's database (through the migrate CLI, as an operator would). */
export async function createDrillDatabase(adminUrl: string, name: string, log: WriteStream): Promise<DrillDatabase> {
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const c = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  const migrate = spawn(process.execPath, ['-r', '@swc-node/register', 'tools/db/src/migrate.cli.ts', 'analytics'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATABASE_URL: url.toString() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  migrate.stdout.on('data', (c: Buffer) => log.write(c));
  migrate.stderr.on('data', (c: Buffer) => log.write(c));
  const code = await new Promise<number | null>((resolve) => migrate.once('exit', resolve));
  if (code !== 0) {
    await drop();
    throw new Error(`migrate analytics failed (exit ${code}); see the drill log`);
  }
  return { url: url.toString(), drop };
}
