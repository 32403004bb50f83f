import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A catalog-like upstream for `bench:gateway`: one cached episode answer, served from memory. */
const body = JSON.stringify({
  id: 'e1',
  showId: 's1',
  title: 'Mika and the Moon',
  ageBand: '6-11',
  durationSec: 420,
  renditions: [{ height: 720, url: 'https://cdn.example/e1/720.m3u8' }],
});
const server = createServer((_req, res) => {
  res
    .writeHead(200, {
      'content-type': 'application/json',
      'cache-control': 'public, max-age=60',
      'x-cache': 'HIT',
      'content-length': Buffer.byteLength(body),
    })
    .end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () =>
  process.stdout.write(`[catalog-stub] listening on http://localhost:${(server.address() as AddressInfo).port}\n`),
);
