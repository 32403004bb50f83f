import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/** A gateway started as its own process (apps/gateway/src/main.ts through SWC), with its base URL. */
export interface GatewayProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the real gateway on an ephemeral 127.0.0.1 port with `env` and resolves once it prints
 * "listening on http://localhost:<port>". A process, not an import: apps do not import apps.
 */
export function startGateway(env: Record<string, string>): Promise<GatewayProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/gateway/src/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      NODE_ENV: 'development',
      LISTEN_HOST: '127.0.0.1',
      GATEWAY_PORT: '0',
      PERSISTENCE_MODE: 'memory',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => void stop().then(() => reject(new Error(`gateway did not start in 60 s:\n${out}`))), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (!match) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${match[1]}`, stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code}):\n${out}`));
    });
  });
}
