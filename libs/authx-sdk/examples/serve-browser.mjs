/**
 * Serves examples/browser.html and the SDK's ESM build, and proxies `/v1/*` to AuthX, so the
 * page calls AuthX on its own origin (no CORS set-up). Build the SDK first (`pnpm install` does).
 *
 *   pnpm run dev:local                                   # gateway on :8080, AUTH_DEV_LOGIN=true
 *   pnpm exec node libs/authx-sdk/examples/serve-browser.mjs
 *   → open http://127.0.0.1:8090/examples/browser.html
 *
 * AUTHX_ORIGIN (default http://localhost:8080: the gateway; identity is :8081), PORT (default 8090; 0 = any free port).
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const upstream = process.env.AUTHX_ORIGIN ?? 'http://localhost:8080';
const files = {
  '/examples/browser.html': ['examples/browser.html', 'text/html; charset=utf-8'],
  '/dist/index.mjs': ['dist/index.mjs', 'text/javascript; charset=utf-8'],
};

async function proxy(req, res) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = { ...req.headers };
  delete headers.host;
  delete headers.connection;
  try {
    const answer = await fetch(`${upstream}${req.url}`, {
      method: req.method,
      headers,
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
    res.end(Buffer.from(await answer.arrayBuffer()));
  } catch {
    res.writeHead(502, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { code: 'upstream_unavailable', message: `AuthX is not reachable at ${upstream}` } }));
  }
}

const server = createServer(async (req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (path.startsWith('/v1/')) return proxy(req, res);
  const file = files[path];
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('not found: try /examples/browser.html\n');
  }
  try {
    const body = await readFile(join(root, file[0]));
    res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(500, { 'content-type': 'text/plain' });
    res.end(`${file[0]} is missing: pnpm run build:authx-sdk\n`);
  }
});

server.listen(Number(process.env.PORT ?? 8090), '127.0.0.1', () => {
  console.log(`authx-sdk browser example on http://127.0.0.1:${server.address().port}/examples/browser.html (AuthX: ${upstream})`);
});
