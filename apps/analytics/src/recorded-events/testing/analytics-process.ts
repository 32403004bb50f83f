import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../../..');

/** The real analytics service, as a child a test can SIGKILL, and the port it listens on. */
export interface AnalyticsProcess {
  child: ChildProcess;
  port: number;
}

/**
 * Test helper: starts `apps/analytics/src/main.ts` with exactly `env` (plus PATH) and resolves
 * once it prints `listening on`; rejects if it exits or is not up within 30 s.
 */
export function startAnalytics(env: Record<string, string | undefined>): Promise<AnalyticsProcess> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/analytics/src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`analytics did not start: ${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const listening = /listening on http:\/\/[^:]+:(\d+)/.exec(out);
      if (listening) {
        clearTimeout(timer);
        resolve({ child, port: Number(listening[1]) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => reject(new Error(`analytics exited (${code}) during start: ${out}`)));
  });
}

/** SIGKILLs `child` (no shutdown hooks, no drain) and resolves once it is gone. */
export function killAnalytics(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}
