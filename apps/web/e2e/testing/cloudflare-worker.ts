import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { freePort, stopGroup, WEB_DIR, type WebServer } from './web-server';

const WRANGLER_BIN = join(WEB_DIR, 'node_modules/wrangler/bin/wrangler.js');

const env = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  NEXT_TELEMETRY_DISABLED: '1',
  WRANGLER_SEND_METRICS: 'false',
  ...extra,
});

/**
 * `pnpm run build:cloudflare` in apps/web (the OpenNext build: `next build` into `.next/`, which
 * `next start` serves too, then the worker into `.open-next/`); rejects with its output on failure.
 */
export function runCloudflareBuild(timeoutMs = 600_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['run', 'build:cloudflare'], { cwd: WEB_DIR, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`build:cloudflare exited ${code}:\n${out.slice(-6000)}`));
    });
  });
}

/**
 * Serves the built worker (`.open-next/worker.js`, wrangler.jsonc) with `wrangler dev`: local
 * workerd from npm, offline, on a free loopback port; `vars` become the worker's env (and
 * `process.env` under nodejs_compat), e.g. `API_BASE_URL`. Resolves once it answers.
 */
export async function startCloudflareWorker(vars: Record<string, string>, timeoutMs = 120_000): Promise<WebServer> {
  const [port, inspector] = [await freePort(), await freePort()];
  const args = [WRANGLER_BIN, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector)];
  for (const [name, value] of Object.entries(vars)) args.push('--var', `${name}:${value}`);
  args.push('--show-interactive-dev-session=false');
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: WEB_DIR,
    env: env(),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  child.stderr?.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => stopGroup(child);
  const end = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited ${child.exitCode}:\n${out}`);
    const up =
      /Ready on/.test(out) &&
      (await fetch(`${origin}/de`, { redirect: 'manual' }).then(
        (r) => r.status < 500,
        () => false,
      ));
    if (up) break;
    if (Date.now() > end) {
      await stop();
      throw new Error(`wrangler dev did not answer within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return { origin, output: () => out, stop };
}
