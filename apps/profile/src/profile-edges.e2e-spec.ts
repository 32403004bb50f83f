import type { INestApplication } from '@nestjs/common';
import { baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { startFakeIdentity, type FakeIdentity } from './testing/fake-identity';
import { call, newParentId } from './testing/profile-client';

const PROFILES = '/v1/children/profiles';
const kid = (parentUserId: string) => ({ parent_user_id: parentUserId, display_name: 'Mia', age_band: '3-5', avatar: 'panda' });

describe('profile when identity is down', () => {
  let app: INestApplication;
  let origin: string;

  beforeAll(async () => {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    app = await bootApp(AppModule, {
      adapter: 'express',
      env: testEnv('postgres', { AUTH_MODE: 'enforce', IDENTITY_URL: 'http://127.0.0.1:9' }),
      globalPrefix: 'v1',
    });
    origin = await baseUrl(app);
  });
  afterAll(() => app.close());

  it('answers 503 service_unavailable with Retry-After, never a 500 and never consent_required, and stores nothing', async () => {
    const p = newParentId('down');
    const res = await call(origin, 'POST', PROFILES, { role: 'parent', parentUserId: p }, kid(p));
    expect(res).toMatchObject({ status: 503, body: { error: { code: 'service_unavailable', details: { service: 'identity' } } } });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(origin, 'GET', `${PROFILES}?parent_user_id=${p}`, { role: 'parent', parentUserId: p })).body).toEqual({
      profiles: [],
    });
  });

  it('stays ready: identity is a dependency of one route, not of the process', async () => {
    const ready = await fetch(`${origin}/v1/ready`);
    expect(ready.status).toBe(200);
    expect((await ready.json()).details.postgres.status).toBe('up');
  });
});

describe('profile on fastify (memory stores)', () => {
  let app: INestApplication;
  let origin: string;
  let identity: FakeIdentity;

  beforeAll(async () => {
    identity = await startFakeIdentity();
    app = await bootApp(AppModule, {
      adapter: 'fastify',
      env: testEnv('memory', { AUTH_MODE: 'enforce', IDENTITY_URL: identity.url }),
      globalPrefix: 'v1',
    });
    origin = await baseUrl(app);
  });
  afterAll(async () => {
    await app.close();
    await identity.close();
  });

  it('creates (201, only the contract fields), lists and deletes (204, empty body)', async () => {
    const p = newParentId('fastify');
    identity.setParent(p, 'active');
    const parent = { role: 'parent' as const, parentUserId: p };
    const created = await call(origin, 'POST', PROFILES, parent, kid(p));
    expect(created).toMatchObject({ status: 201, body: { child_profile_id: expect.any(String), safe_defaults: true } });
    expect(Object.keys(created.body).sort()).toEqual(['child_profile_id', 'safe_defaults']);
    expect((await call(origin, 'GET', `${PROFILES}?parent_user_id=${p}`, parent)).body.profiles).toHaveLength(1);
    expect(await call(origin, 'DELETE', `${PROFILES}/${created.body.child_profile_id}?parent_user_id=${p}`, parent)).toMatchObject({
      status: 204,
      body: undefined,
    });
    expect((await call(origin, 'GET', `${PROFILES}?parent_user_id=${p}`, parent)).body).toEqual({ profiles: [] });
  });

  it('answers /health and /ready', async () => {
    expect((await fetch(`${origin}/v1/health`)).status).toBe(200);
    expect((await fetch(`${origin}/v1/ready`)).status).toBe(200);
  });
});
