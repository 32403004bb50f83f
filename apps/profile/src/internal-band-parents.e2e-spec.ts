import type { INestApplication } from '@nestjs/common';
import { baseUrl, bootApp, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { startFakeIdentity, type FakeIdentity } from './testing/fake-identity';
import { call, newParentId, type Caller } from './testing/profile-client';

const service: Caller = { role: 'service' };

describe.each<TestStores>(['memory', 'postgres'])('GET /internal/age-bands/{band}/parents with %s stores', (stores) => {
  let app: INestApplication;
  let origin: string;
  let identity: FakeIdentity;

  beforeAll(async () => {
    identity = await startFakeIdentity();
    app = await bootApp(AppModule, {
      adapter: 'express',
      env: testEnv(stores, { AUTH_MODE: 'enforce', IDENTITY_URL: identity.url }),
      globalPrefix: 'v1',
    });
    origin = await baseUrl(app);
  });
  afterAll(async () => {
    await app.close();
    await identity.close();
  });

  const withChild = async (parentUserId: string, ageBand: string) => {
    identity.setParent(parentUserId, 'active');
    const body = { parent_user_id: parentUserId, display_name: 'Mia', age_band: ageBand, avatar: 'fox' };
    expect((await call(origin, 'POST', '/v1/children/profiles', { role: 'parent', parentUserId }, body)).status).toBe(201);
  };

  it('pages parent ids (never a child id or name) of one band, each parent once', async () => {
    const tag = newParentId('band');
    const [a, b, other] = [`${tag}-1`, `${tag}-2`, `${tag}-3`];
    await withChild(a, '12-16');
    await withChild(a, '12-16');
    await withChild(b, '12-16');
    await withChild(other, '3-5');
    const page = await call(origin, 'GET', `/internal/age-bands/12-16/parents?after=${tag}-0&limit=2`, service);
    expect(page).toMatchObject({ status: 200, body: { parent_user_ids: [a, b], next_after: b } });
    expect(Object.keys(page.body).sort()).toEqual(['next_after', 'parent_user_ids']);
    const next = await call(origin, 'GET', `/internal/age-bands/12-16/parents?after=${b}&limit=1000`, service);
    expect(next.body.parent_user_ids).not.toContain(other);
    expect(next.body.parent_user_ids).not.toContain(a);
    const all = await call(origin, 'GET', '/internal/age-bands/12-16/parents', service);
    expect(all.body.parent_user_ids).toEqual(expect.arrayContaining([a, b]));
    expect(JSON.stringify(all.body)).not.toContain('Mia');
  });

  it('answers 400 invalid_age_band and validation_failed for bad input, and serves the service identity alone', async () => {
    expect(await call(origin, 'GET', '/internal/age-bands/7-9/parents', service)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_age_band' } },
    });
    expect(await call(origin, 'GET', '/internal/age-bands/6-11/parents?limit=0', service)).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_failed' } },
    });
    const p = newParentId('caller');
    expect((await call(origin, 'GET', '/internal/age-bands/6-11/parents', { role: 'parent', parentUserId: p })).status).toBe(403);
    expect((await call(origin, 'GET', '/internal/age-bands/6-11/parents', null)).status).toBe(401);
  });
});
