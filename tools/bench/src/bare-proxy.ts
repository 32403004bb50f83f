import Fastify from 'fastify';
import { Pool } from 'undici';

/**
 * The floor any proxy pays, for `bench:gateway`: Fastify and one undici keep-alive pool
 * forwarding `/v1/*` to `UPSTREAM_URL`, and nothing else (no auth, identity, policy, limits,
 * breaker or logs). Measured beside the gateway, it shows what share of the direct throughput a
 * proxy can keep on this machine at all.
 */
const pool = new Pool(process.env.UPSTREAM_URL ?? 'http://127.0.0.1:8083', { connections: 64, keepAliveTimeout: 30_000 });
const app = Fastify({ logger: false });
app.get('/v1/*', async (request, reply) => {
  const answer = await pool.request({ method: 'GET', path: request.url, headers: { 'x-request-id': String(request.id) } });
  reply.code(answer.statusCode).header('content-type', String(answer.headers['content-type'] ?? 'application/json'));
  return reply.send(answer.body);
});
void app.listen({ port: 0, host: '127.0.0.1' }).then(() => {
  const address = app.server.address();
  process.stdout.write(`[bare-proxy] listening on http://localhost:${typeof address === 'object' && address ? address.port : 0}\n`);
});
