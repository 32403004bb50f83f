import autocannon from 'autocannon';
import type { SmokeContext } from '../smoke/smoke-client';
import { bedtimeAwayFromNow, consentedParent, createChild } from '../smoke/flows/parent-session';
import { expectAnswer } from '../smoke/smoke-client';
import { type RouteFigures, routeFigures, type RouteKind } from './perf-figures';

/** One route perf-smoke drives. */
export interface PerfRoute {
  name: string;
  kind: RouteKind;
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  body?: unknown;
}

/**
 * The routes perf-smoke drives for one consented parent and child (made through the gateway
 * first, as the smoke does): three reads (catalog episode, kids home, controls) and two writes
 * (a watch event, a controls PUT).
 */
export async function perfRoutes(ctx: SmokeContext): Promise<{ routes: PerfRoute[]; token: string }> {
  const parent = await consentedParent(ctx, 'perf parent');
  const child = await createChild(ctx, 'perf parent', parent);
  const controls = await ctx.step('perf: controls', async () => {
    const read = expectAnswer(await ctx.call('GET', `/v1/parents/controls/${child}`, undefined, parent.token), 200);
    const body = { ...read.body.controls, bedtime_window: bedtimeAwayFromNow(), session_limit_minutes: 180 };
    expectAnswer(await ctx.call('PUT', `/v1/parents/controls/${child}`, body, parent.token), 200);
    return body;
  });
  const routes: PerfRoute[] = [
    { name: 'GET /v1/catalog/episodes/{id}', kind: 'read', method: 'GET', path: '/v1/catalog/episodes/ep-demo-1' },
    { name: 'GET /v1/kids/home', kind: 'read', method: 'GET', path: `/v1/kids/home?child_profile_id=${child}&mode=core` },
    { name: 'GET /v1/parents/controls/{id}', kind: 'read', method: 'GET', path: `/v1/parents/controls/${child}` },
    {
      name: 'POST /v1/progress/watch-events',
      kind: 'write',
      method: 'POST',
      path: '/v1/progress/watch-events',
      body: { child_profile_id: child, episode_id: 'ep-demo-1', watch_ms: 1_000, event_time: new Date().toISOString() },
    },
    { name: 'PUT /v1/parents/controls/{id}', kind: 'write', method: 'PUT', path: `/v1/parents/controls/${child}`, body: controls },
  ];
  return { routes, token: parent.token };
}

/** Drives one route with autocannon for `seconds` over `connections`; every response time and status is kept. */
export async function driveRoute(
  baseUrl: string,
  route: PerfRoute,
  token: string,
  seconds: number,
  connections: number,
): Promise<RouteFigures> {
  const times: number[] = [];
  const statuses: number[] = [];
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (route.body !== undefined) headers['content-type'] = 'application/json';
  const options = {
    url: `${baseUrl}${route.path}`,
    method: route.method,
    headers,
    body: route.body === undefined ? undefined : JSON.stringify(route.body),
    connections,
    duration: seconds,
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statuses.push(statusCode);
      times.push(responseTime);
    });
  });
  return routeFigures(route.name, route.kind, times, statuses, result.errors + result.timeouts);
}
