/**
 * `GET /healthz`: the orchestrators' probe (compose healthcheck, Kubernetes startup/liveness/
 * readiness). Outside the locale routing (src/middleware.ts lets it through without a redirect) and never
 * cached, so a 200 means this server process renders answers now. It asks no dependency: the web
 * app has no database, and a gateway outage must not take the web pods out of the Service.
 */
export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok', service: 'web' }, { headers: { 'cache-control': 'no-store' } });
}
