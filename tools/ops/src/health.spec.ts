import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { landedApps, REPO } from './repo-copy';

const LANDED = landedApps();
const portVar = (app: string) => `${app.toUpperCase().replace(/-/g, '_')}_PORT`;

/** A stand-in app answering `routes` (path → status), 404 for anything else. */
async function fakeApp(routes: Record<string, number>): Promise<Server> {
  const server = createServer((req, res) => {
    res.statusCode = routes[req.url ?? ''] ?? 404;
    res.end(JSON.stringify({ status: res.statusCode }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A loopback port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const s = await fakeApp({});
  const { port } = s.address() as AddressInfo;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** Runs docker:dev:health with `<APP>_PORT`s pointing at the stand-ins (and a closed port for the others). */
async function health(ports: Record<string, number>, ...args: string[]): Promise<{ status: number | null; stdout: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const closed = await closedPort();
  for (const app of LANDED) env[portVar(app)] = String(ports[app] ?? closed);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(REPO, 'tools/dev/health.js'), ...args], { env });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.on('close', (status) => resolve({ status, stdout }));
  });
}

describe('docker:dev:health', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  });
  const port = (s: Server) => (s.address() as AddressInfo).port;

  it('asks every app for <prefix>/ready and exits 0 with a summary when all are ready', async () => {
    const ports: Record<string, number> = {};
    for (const app of LANDED) {
      const base =
        app === 'gateway'
          ? ''
          : app === 'analytics'
            ? '/api/v1/analytics'
            : app === 'outbox-relay'
              ? '/outbox-relay'
              : app === 'media-pipeline'
                ? '/media-pipeline'
                : app === 'generation'
                  ? '/generation'
                  : '/v1';
      const s = await fakeApp({ [`${base}/ready`]: 200 });
      servers.push(s);
      ports[app] = port(s);
    }
    const r = await health(ports);
    expect(r.status).toBe(0);
    for (const app of LANDED) expect(r.stdout).toMatch(new RegExp(`^ok +${app} +ready +200 `, 'm'));
    expect(r.stdout).toContain(`docker:dev:health: ${LANDED.length}/${LANDED.length} apps ready\n`);
  });

  it('falls back to /health when /ready is not there, fails on a 503 /ready and on a closed port', async () => {
    const noReady = await fakeApp({ '/v1/health': 200 });
    const notReady = await fakeApp({ '/v1/ready': 503, '/v1/health': 200 });
    servers.push(noReady, notReady);
    const r = await health({ catalog: port(noReady), billing: port(notReady) });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^ok +catalog +health +200 /m);
    expect(r.stdout).toMatch(/^FAIL billing +ready +503 /m);
    expect(r.stdout).toMatch(/^FAIL identity +health +0 .*ECONNREFUSED/m);
    expect(r.stdout).toContain(
      `docker:dev:health: 1/${LANDED.length} apps ready; not ready: ${LANDED.filter((a) => a !== 'catalog').join(', ')}`,
    );
  });
});
