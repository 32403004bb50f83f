import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A JWKS endpoint on loopback whose key set a test can swap, counting fetches. */
export interface JwksServer {
  url: string;
  fetches: number;
  serve(keys: Record<string, unknown>[]): void;
  close(): Promise<void>;
}

/** Starts a {@link JwksServer} on a free loopback port. */
export async function startJwksServer(keys: Record<string, unknown>[] = []): Promise<JwksServer> {
  let current = keys;
  const server: Server = createServer((_req, res) => {
    state.fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: current }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const state: JwksServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    fetches: 0,
    serve: (next) => {
      current = next;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
  return state;
}
