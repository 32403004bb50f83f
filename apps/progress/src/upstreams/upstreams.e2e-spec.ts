import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import { signIdentity, verifyIdentity, type EdgeIdentity } from '@mikasmissions/service-identity';
import { baseUrl, bootApp, createContractValidator, TEST_EDGE_IDENTITY_KEY, testEnv } from '@mikasmissions/testing';
import { AppModule } from '../app.module';

/** What catalog, identity and profile answer on their /internal routes, as agreed. */
const ROUTES: Record<string, unknown> = {
  '/internal/catalog/episodes/ep-1': { episode_id: 'ep-1', duration_ms: 600_000, learning_tags: ['space'] },
  '/internal/controls/c1': {
    child_profile_id: 'c1',
    parent_user_id: 'p1',
    controls: {
      autoplay: false,
      chat_enabled: false,
      external_links: false,
      session_limit_minutes: 40,
      bedtime_window: '20:00-07:00',
      safety_mode: 'strict',
      timezone: 'America/New_York',
      history_paused: true,
    },
  },
  '/internal/profiles/c1': { child_profile_id: 'c1', parent_user_id: 'p1', age_band: '6-11' },
};

/** One fake upstream for the three services: answers ROUTES to a correctly signed `service` caller only. */
function fakeUpstream(seen: string[]): Server {
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '').split('?')[0];
    const check = verifyIdentity(req.headers, { method: req.method ?? 'GET', path }, TEST_EDGE_IDENTITY_KEY, 30_000);
    seen.push(`${req.method} ${path} ${check.ok ? (check as { identity: EdgeIdentity }).identity.role : 'unsigned'}`);
    const body = check.ok ? ROUTES[path] : undefined;
    res.writeHead(!check.ok ? 401 : body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: { code: check.ok ? 'not_found' : 'missing_identity', message: 'no', requestId: 'x' } }));
  });
}

describe('progress over real HTTP upstreams (PROGRESS_UPSTREAMS=http, ServiceClient)', () => {
  const seen: string[] = [];
  const contract = createContractValidator();
  let upstream: Server;
  let app: INestApplication;
  let url: string;
  const parent: EdgeIdentity = { role: 'parent', tenantId: 'default', requestId: 'r-p1', parentUserId: 'p1', subject: 'p1' };
  const stranger: EdgeIdentity = { ...parent, parentUserId: 'p2', subject: 'p2', requestId: 'r-p2' };

  const call = async (method: string, path: string, identity: EdgeIdentity, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        ...signIdentity(identity, { method, path }, TEST_EDGE_IDENTITY_KEY),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await res.json();
    contract.assert({ method, path, status: res.status, body: json });
    return { status: res.status, body: json, retryAfter: res.headers.get('retry-after') };
  };
  const event = (over: Record<string, unknown> = {}) => ({
    child_profile_id: 'c1',
    episode_id: 'ep-1',
    watch_ms: 120_000,
    event_time: new Date(Date.now() - 60_000).toISOString(),
    ...over,
  });

  beforeAll(async () => {
    upstream = fakeUpstream(seen);
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const upstreamUrl = `http://127.0.0.1:${(upstream.address() as { port: number }).port}`;
    const env = testEnv('memory', {
      AUTH_MODE: 'enforce',
      PROGRESS_UPSTREAMS: 'http',
      CATALOG_URL: upstreamUrl,
      IDENTITY_URL: upstreamUrl,
      PROFILE_URL: upstreamUrl,
    });
    app = await bootApp(AppModule, { adapter: 'express', env, globalPrefix: 'v1' });
    url = await baseUrl(app);
  });
  afterAll(async () => {
    await app.close();
    if (upstream.listening) await new Promise((resolve) => upstream.close(resolve));
  });

  it('asks profile for ownership, catalog for the duration and identity for the controls, each as the signed service', async () => {
    expect(await call('POST', '/v1/progress/watch-events', parent, event())).toMatchObject({ status: 202, body: { accepted: true } });
    expect(seen).toEqual(
      expect.arrayContaining([
        'GET /internal/profiles/c1 service',
        'GET /internal/catalog/episodes/ep-1 service',
        'GET /internal/controls/c1 service',
      ]),
    );
    expect(seen.every((line) => line.endsWith(' service'))).toBe(true);
    expect((await call('GET', '/v1/kids/progress/c1', parent)).body).toMatchObject({
      session_limit_minutes: 40,
      watched_minutes_7d: 2,
      last_episode_id: 'ep-1',
    });
  });

  it("maps the upstreams' 404s: unknown episode 404 episode_not_found, a child profile does not know 403 child_profile_forbidden", async () => {
    expect(await call('POST', '/v1/progress/watch-events', parent, event({ episode_id: 'ep-404' }))).toMatchObject({
      status: 404,
      body: { error: { code: 'episode_not_found' } },
    });
    expect(await call('POST', '/v1/progress/watch-events', stranger, event())).toMatchObject({
      status: 403,
      body: { error: { code: 'child_profile_forbidden' } },
    });
    expect(await call('POST', '/v1/progress/watch-events', parent, event({ child_profile_id: 'c-unknown' }))).toMatchObject({
      status: 403,
      body: { error: { code: 'child_profile_forbidden' } },
    });
  });

  it('answers 503 service_unavailable with Retry-After when the upstreams are down, never a guess', async () => {
    await new Promise((resolve) => upstream.close(resolve));
    for (const [method, path, body] of [
      ['POST', '/v1/progress/watch-events', event()],
      ['GET', '/v1/kids/progress/c1', undefined],
    ] as const) {
      const res = await call(method, path, parent, body);
      expect(res).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable' } } });
      expect(Number(res.retryAfter)).toBeGreaterThan(0);
    }
  });
});
