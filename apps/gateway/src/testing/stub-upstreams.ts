import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UPSTREAMS, type UpstreamName } from '../proxy/upstreams';

/** What a stub upstream received. */
export interface Received {
  upstream: UpstreamName;
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One loopback HTTP server per upstream, recording every request; `delayMs` makes one slow. */
export interface StubUpstreams {
  env: Record<string, string>;
  received: Received[];
  delayMs: Partial<Record<UpstreamName, number>>;
  close(): Promise<void>;
}

/** Starts a stub for every upstream; each answers 200 `{ upstream, path }` (after its delay). */
export async function startStubUpstreams(): Promise<StubUpstreams> {
  const received: Received[] = [];
  const delayMs: Partial<Record<UpstreamName, number>> = {};
  const servers: Server[] = [];
  const env: Record<string, string> = {};
  for (const [name, key] of Object.entries(UPSTREAMS) as [UpstreamName, string][]) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({
          upstream: name,
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString(),
        });
        const answer = () =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ upstream: name, path: req.url }));
        const delay = delayMs[name];
        if (delay) setTimeout(answer, delay).unref();
        else answer();
      });
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    env[key] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  return {
    env,
    received,
    delayMs,
    close: async () => {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
