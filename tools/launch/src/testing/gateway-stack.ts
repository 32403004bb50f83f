import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ServiceProcesses, startServices, testEnv } from '@mikasmissions/testing';
import { ROOT } from './run-cli';

/** A stack a launch CLI probes from outside: the apps' processes and the file identity's console is copied to (its consent codes). */
export interface GatewayStack {
  platform: ServiceProcesses;
  /** Identity's output so far, rewritten every 100 ms: what `SMOKE_IDENTITY_LOG` points at. */
  identityLog: string;
  stop(): Promise<void>;
}

/**
 * Test helper: starts `apps` (with identity and the gateway) as processes in memory mode with
 * `AUTH_MODE=enforce`, the way an operator's stack answers the smoke, soak and today-ready CLIs.
 *
 * @example
 * let stack: GatewayStack;
 * beforeAll(async () => { stack = await startGatewayStack(['identity', 'profile', 'gateway']); }, 200_000);
 * afterAll(() => stack?.stop());
 */
export async function startGatewayStack(apps: readonly string[]): Promise<GatewayStack> {
  const platform = await startServices(
    [...apps],
    testEnv('memory', { NODE_ENV: 'development', AUTH_MODE: 'enforce', LOG_LEVEL: 'warn', AUTHX_TRUST_PROXY: 'true' }),
    180_000,
  );
  const dir = mkdtempSync(join(tmpdir(), 'gateway-stack-'));
  const identityLog = join(dir, 'identity.log');
  const copier = setInterval(() => writeFileSync(identityLog, platform.output('identity')), 100);
  return {
    platform,
    identityLog,
    stop: async () => {
      clearInterval(copier);
      await platform.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Test helper: runs a launch CLI (`tools/launch/src/<entry>`) as its pnpm script does, without
 * blocking the test's event loop (a stack of the test may be serving it); resolves with its exit
 * code and its stdout and stderr in one string.
 */
export function runLaunchCliAsync(
  entry: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join('tools/launch/src', entry), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.once('exit', (code) => resolve({ code, out }));
  });
}
