import type { INestApplication } from '@nestjs/common';
import { baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { startStubUpstreams, type StubUpstreams } from './testing/stub-upstreams';
import { TEST_IDENTITY_KEY, TEST_SECRET, tokenFor } from './testing/tokens';

const WEB = 'http://localhost:3000';

describe('gateway CORS (AUTH_MODE=enforce)', () => {
  let stubs: StubUpstreams;
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    stubs = await startStubUpstreams();
    app = await bootApp(AppModule, {
      adapter: 'fastify',
      env: testEnv('memory', {
        ...stubs.env,
        AUTH_MODE: 'enforce',
        JWT_SECRET: TEST_SECRET,
        EDGE_IDENTITY_KEY: TEST_IDENTITY_KEY,
        GATEWAY_CORS_ORIGINS: `${WEB}, https://app.mikasmissions.example/`,
      }),
    });
    url = await baseUrl(app);
  });
  afterAll(async () => {
    await app.close();
    await stubs.close();
  });

  const preflight = (origin: string, path = '/v1/children/profiles', method = 'POST') =>
    fetch(`${url}${path}`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': method,
        'access-control-request-headers': 'authorization,content-type,idempotency-key',
      },
    });

  it('answers a preflight from an allowed origin before the policy, so it needs no token and never reaches a service', async () => {
    const before = stubs.received.length;
    for (const origin of [WEB, 'https://app.mikasmissions.example']) {
      const res = await preflight(origin);
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      expect(res.headers.get('access-control-allow-methods')).toContain('POST');
      expect(res.headers.get('access-control-allow-headers')).toContain('idempotency-key');
      expect(res.headers.get('access-control-max-age')).toBe('600');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
    expect(stubs.received.length).toBe(before);
  });

  it('gives another origin no Access-Control-Allow-Origin, so the browser refuses the answer', async () => {
    const res = await preflight('https://evil.example');
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${url}/v1/catalog/episodes/e1`, {
      headers: { origin: 'https://evil.example', authorization: `Bearer ${await tokenFor('parent')}` },
    });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks real answers, errors included, readable by the allowed page with the platform headers exposed', async () => {
    const ok = await fetch(`${url}/v1/catalog/episodes/e1`, {
      headers: { origin: WEB, authorization: `Bearer ${await tokenFor('parent')}` },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(WEB);
    expect(ok.headers.get('access-control-expose-headers')).toContain('x-request-id');
    const refused = await fetch(`${url}/v1/catalog/episodes/e1`, { headers: { origin: WEB } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe(WEB);
  });

  it('refuses a bad GATEWAY_CORS_ORIGINS at start-up', async () => {
    await expect(
      bootApp(AppModule, { adapter: 'fastify', env: testEnv('memory', { ...stubs.env, GATEWAY_CORS_ORIGINS: 'localhost:3000' }) }),
    ).rejects.toThrow(/GATEWAY_CORS_ORIGINS/);
  });
});
