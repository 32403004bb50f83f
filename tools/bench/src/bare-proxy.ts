import Fastify from 'fastify';
import { Pool } from 'undici';

/** Hop-by-hop headers a proxy does not pass on, and those undici sets itself. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'host', 'content-length', 'transfer-encoding', 'upgrade', 'te', 'trailer']);

/**
 * The floor any proxy pays, for `bench:gateway`: Fastify and one undici keep-alive pool
 * forwarding `/v1/*` GETs to `UPSTREAM_URL` with the client's headers (so signed identity
 * headers reach a real service), and nothing else (no auth, identity, policy, limits, breaker
 * or logs). Measured beside the gateway, it shows what share of the direct throughput a proxy
 * can keep on this machine at all.
 */
const pool = new Pool(process.env.UPSTREAM_URL ?? 'http://127.0.0.1:8083', { connections: 64, keepAliveTimeout: 30_000 });
const app = Fastify({ logger: false });
app.get('/v1/*', async (request, reply) => {
  const headers: Record<string, string | string[]> = {};
  for (const name in request.headers) {
    const value = request.headers[name];
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  const answer = await pool.request({ method: 'GET', path: request.url, headers });
  reply.code(answer.statusCode).header('content-type', String(answer.headers['content-type'] ?? 'application/json'));
  return reply.send(answer.body);
});
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
void app.listen({ port: 0, host: '127.0.0.1' }).then(() => {
  const address = app.server.address();
  process.stdout.write(`[bare-proxy] listening on http://localhost:${typeof address === 'object' && address ? address.port : 0}\n`);
});
