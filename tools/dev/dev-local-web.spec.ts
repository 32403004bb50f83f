import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

/**
 * `pnpm run dev:local web gateway identity` with every port moved (WEB_PORT, GATEWAY_PORT,
 * IDENTITY_PORT only): `next dev` serves the pages, the gateway finds identity at its moved port
 * (IDENTITY_URL derived) and lets the web origin in (GATEWAY_CORS_ORIGINS derived), and a
 * signup through the gateway answers from identity.
 */
describe('dev:local serves the web app beside the services (ports moved)', () => {
  let child: ChildProcess;
  let out = '';
  let web: number;
  let gateway: number;
  beforeAll(async () => {
    [web, gateway] = [await freePort(), await freePort()];
    child = spawn(process.execPath, [path.join(root, 'tools/dev/dev-local.js'), 'web', 'gateway', 'identity'], {
      cwd: root,
      env: {
        ...process.env,
        DEV_LOCAL_EVENTS: 'inprocess',
        WEB_PORT: String(web),
        GATEWAY_PORT: String(gateway),
        IDENTITY_PORT: String(await freePort()),
      },
    });
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    const end = Date.now() + 180_000;
    while (!out.includes('all apps are up')) {
      if (child.exitCode !== null) throw new Error(`dev:local exited ${child.exitCode}:\n${out}`);
      if (Date.now() > end) throw new Error(`dev:local was not up within 180 s:\n${out.slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 200_000);
  afterAll(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('serves the landing page in German by default and the signup page in English, with the security headers', async () => {
    const landing = await fetch(`http://localhost:${web}/`);
    expect(landing.status).toBe(200);
    expect(new URL(landing.url).pathname).toBe('/de');
    expect(await landing.text()).toMatch(/<html lang="de"/);
    expect(landing.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
    expect(landing.headers.get('x-frame-options')).toBe('DENY');
    const signup = await fetch(`http://localhost:${web}/en/signup`);
    expect(signup.status).toBe(200);
    expect(await signup.text()).toContain('Create your family account');
  }, 180_000);

  it('the gateway it points the pages at lets the web origin in and reaches identity', async () => {
    const origin = `http://localhost:${web}`;
    const preflight = await fetch(`http://localhost:${gateway}/v1/parents/signup`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    const signup = await fetch(`http://localhost:${gateway}/v1/parents/signup`, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'not-an-email', password: 'x' }),
    });
    expect(signup.status).toBe(400); // identity's validation, through the gateway
    expect(((await signup.json()) as { error: { code: string } }).error.code).toMatch(/^[a-z_]+$/);
  });
});
