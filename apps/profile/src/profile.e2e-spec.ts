import type { INestApplication } from '@nestjs/common';
import { baseUrl, bootApp, deleteTestFileKeys, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { startFakeIdentity, type FakeIdentity } from './testing/fake-identity';
import { call, newParentId, type Caller } from './testing/profile-client';
import { outboxReader, type WrittenEvent } from './testing/published-events';

const PROFILES = '/v1/children/profiles';
const INTERNAL = '/internal/profiles';
const parent = (parentUserId: string): Caller => ({ role: 'parent', parentUserId });
const service: Caller = { role: 'service' };
const kid = (parentUserId: string, extra: Record<string, unknown> = {}) => ({
  parent_user_id: parentUserId,
  display_name: 'Mia',
  age_band: '6-11',
  avatar: 'fox',
  ...extra,
});

afterAll(() => deleteTestFileKeys());

describe.each<TestStores>(['memory', 'postgres', 'postgres+redis'])('profile with %s stores (AUTH_MODE=enforce)', (stores) => {
  let app: INestApplication;
  let origin: string;
  let identity: FakeIdentity;
  let outbox: (aggregateId: string) => Promise<WrittenEvent[]>;

  /** A parent whose consent identity reports as verified. */
  const activeParent = (label: string): string => {
    const id = newParentId(label);
    identity.setParent(id, 'active');
    return id;
  };
  const create = async (parentUserId: string, extra: Record<string, unknown> = {}): Promise<string> => {
    const res = await call(origin, 'POST', PROFILES, parent(parentUserId), kid(parentUserId, extra));
    expect(res.status).toBe(201);
    return res.body.child_profile_id;
  };
  const listOf = async (parentUserId: string) =>
    (await call(origin, 'GET', `${PROFILES}?parent_user_id=${parentUserId}`, parent(parentUserId))).body.profiles;

  beforeAll(async () => {
    identity = await startFakeIdentity();
    app = await bootApp(AppModule, {
      adapter: 'express',
      env: testEnv(stores, { AUTH_MODE: 'enforce', IDENTITY_URL: identity.url }),
      globalPrefix: 'v1',
    });
    origin = await baseUrl(app);
    outbox = outboxReader(app);
  });
  afterAll(async () => {
    await app.close();
    await identity.close();
  });

  it('creates profiles after consent, publishes child.profile.created and lists them oldest first', async () => {
    const p = activeParent('create');
    const res = await call(origin, 'POST', PROFILES, parent(p), kid(p, { display_name: '  Mia ' }));
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ child_profile_id: expect.stringMatching(/^[0-9a-f-]{36}$/), safe_defaults: true });
    const first = res.body.child_profile_id;
    const second = await create(p, { display_name: 'Ben', age_band: '3-5', avatar: 'owl' });
    expect(await listOf(p)).toEqual([
      { child_profile_id: first, parent_user_id: p, display_name: 'Mia', age_band: '6-11', avatar: 'fox', created_at: expect.any(String) },
      { child_profile_id: second, parent_user_id: p, display_name: 'Ben', age_band: '3-5', avatar: 'owl', created_at: expect.any(String) },
    ]);
    expect(await outbox(first)).toEqual([
      { type: 'child.profile.created', payload: { parentUserId: p, childProfileId: first, ageBand: '6-11' } },
    ]);
    const asked = identity.requests.filter((r) => r.path === `/internal/parents/${p}`);
    expect(asked.length).toBe(2);
    expect(asked[0].headers['x-auth-role']).toBe('service');
    expect(asked[0].headers['x-auth-signature']).toEqual(expect.any(String));
  });

  it('a service caller creates and lists for the parent it names', async () => {
    const p = activeParent('svc');
    const res = await call(origin, 'POST', PROFILES, service, kid(p));
    expect(res.status).toBe(201);
    expect(
      (await call(origin, 'GET', `${PROFILES}?parent_user_id=${p}`, service)).body.profiles.map(
        (x: { child_profile_id: string }) => x.child_profile_id,
      ),
    ).toEqual([res.body.child_profile_id]);
  });

  it.each([
    ['missing_fields', { parent_user_id: 'PARENT', display_name: 'Mia', age_band: '6-11' }],
    ['missing_fields', { parent_user_id: 'PARENT', display_name: '   ', age_band: '6-11', avatar: 'fox' }],
    ['missing_fields', {}],
    ['invalid_age_band', kid('PARENT', { age_band: '18+' })],
    ['invalid_avatar', kid('PARENT', { avatar: 'selfie-upload' })],
    ['invalid_avatar', kid('PARENT', { avatar: 'Fox!' })],
    ['invalid_display_name', kid('PARENT', { display_name: 'mia@example.com' })],
    ['invalid_display_name', kid('PARENT', { display_name: '+49 (170) 123-4567' })],
    ['invalid_display_name', kid('PARENT', { display_name: 'x'.repeat(41) })],
    ['validation_failed', kid('PARENT', { nickname: 'extra' })],
    ['validation_failed', kid('PARENT', { age_band: 6 })],
    ['validation_failed', [kid('PARENT')]],
  ])('answers 400 %s and stores nothing (%j)', async (code, template) => {
    const p = activeParent('invalid');
    const body = JSON.parse(JSON.stringify(template).replace(/PARENT/g, p));
    const res = await call(origin, 'POST', PROFILES, parent(p), body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
    expect(await listOf(p)).toEqual([]);
  });

  it('answers 403 consent_required until consent is verified, and 404 parent_not_found for an unknown parent', async () => {
    const p = newParentId('pending');
    identity.setParent(p, 'pending_consent');
    const pending = await call(origin, 'POST', PROFILES, parent(p), kid(p));
    expect(pending).toMatchObject({ status: 403, body: { error: { code: 'consent_required' } } });
    const unknown = newParentId('unknown');
    expect(await call(origin, 'POST', PROFILES, parent(unknown), kid(unknown))).toMatchObject({
      status: 404,
      body: { error: { code: 'parent_not_found' } },
    });
    identity.setParent(p, 'active');
    await create(p);
    expect(await listOf(p)).toHaveLength(1);
  });

  it('scopes every route to the acting parent: parent_mismatch, child_profile_forbidden, insufficient_role, missing_identity', async () => {
    const [mine, theirs] = [activeParent('mine'), activeParent('theirs')];
    const theirKid = await create(theirs);
    const expectError = (res: { status: number; body: { error: { code: string } } }, status: number, code: string) =>
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status, code });
    expectError(await call(origin, 'POST', PROFILES, parent(mine), kid(theirs)), 403, 'parent_mismatch');
    expectError(await call(origin, 'GET', `${PROFILES}?parent_user_id=${theirs}`, parent(mine)), 403, 'parent_mismatch');
    expectError(
      await call(origin, 'DELETE', `${PROFILES}/${theirKid}?parent_user_id=${mine}`, parent(mine)),
      403,
      'child_profile_forbidden',
    );
    expectError(await call(origin, 'DELETE', `${PROFILES}/${theirKid}?parent_user_id=${theirs}`, parent(mine)), 403, 'parent_mismatch');
    const child: Caller = { role: 'child', parentUserId: theirs, childProfileId: theirKid };
    expectError(await call(origin, 'GET', `${PROFILES}?parent_user_id=${theirs}`, child), 403, 'insufficient_role');
    expectError(await call(origin, 'POST', PROFILES, child, kid(theirs)), 403, 'insufficient_role');
    expectError(await call(origin, 'DELETE', `${PROFILES}/${theirKid}?parent_user_id=${theirs}`, child), 403, 'insufficient_role');
    expectError(await call(origin, 'GET', `${PROFILES}?parent_user_id=${theirs}`, null), 401, 'missing_identity');
    expectError(await call(origin, 'GET', `${PROFILES}`, parent(mine)), 400, 'validation_failed');
    expect((await listOf(theirs)).map((x: { child_profile_id: string }) => x.child_profile_id)).toEqual([theirKid]);
  });

  it('GET /internal/profiles/{id}: owner and age band only, cached, for the service identity alone', async () => {
    const p = activeParent('internal');
    const id = await create(p, { age_band: '12-16' });
    const first = await call(origin, 'GET', `${INTERNAL}/${id}`, service);
    expect(first).toMatchObject({ status: 200, body: { child_profile_id: id, parent_user_id: p, age_band: '12-16' } });
    expect(Object.keys(first.body).sort()).toEqual(['age_band', 'child_profile_id', 'parent_user_id']);
    const second = await call(origin, 'GET', `${INTERNAL}/${id}`, service);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(second.body).toEqual(first.body);
    expect(await call(origin, 'GET', `${INTERNAL}/${id}`, parent(p))).toMatchObject({
      status: 403,
      body: { error: { code: 'insufficient_role' } },
    });
    expect((await call(origin, 'GET', `${INTERNAL}/${id}`, null)).status).toBe(401);
    for (const missing of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect(await call(origin, 'GET', `${INTERNAL}/${missing}`, service)).toMatchObject({
        status: 404,
        body: { error: { code: 'child_profile_not_found' } },
      });
    }
    const list = await call(origin, 'GET', `${INTERNAL}?parent_user_id=${p}`, service);
    expect(list).toMatchObject({
      status: 200,
      body: { profiles: [{ child_profile_id: id, display_name: 'Mia', age_band: '12-16', created_at: expect.any(String) }] },
    });
    expect(Object.keys(list.body.profiles[0]).sort()).toEqual(['age_band', 'child_profile_id', 'created_at', 'display_name']);
  });

  it('DELETE removes the profile, publishes child.profile.deleted and drops the cached lookup', async () => {
    const p = activeParent('delete');
    const [gone, kept] = [await create(p), await create(p, { display_name: 'Kept' })];
    await call(origin, 'GET', `${INTERNAL}/${gone}`, service);
    expect((await call(origin, 'GET', `${INTERNAL}/${gone}`, service)).headers.get('x-cache')).toBe('HIT');
    const res = await call(origin, 'DELETE', `${PROFILES}/${gone}?parent_user_id=${p}`, parent(p));
    expect(res).toMatchObject({ status: 204, body: undefined });
    expect((await listOf(p)).map((x: { child_profile_id: string }) => x.child_profile_id)).toEqual([kept]);
    expect(await call(origin, 'GET', `${INTERNAL}/${gone}`, service)).toMatchObject({
      status: 404,
      body: { error: { code: 'child_profile_not_found' } },
    });
    expect(await outbox(gone)).toEqual([
      { type: 'child.profile.created', payload: { parentUserId: p, childProfileId: gone, ageBand: '6-11' } },
      { type: 'child.profile.deleted', payload: { parentUserId: p, childProfileId: gone } },
    ]);
    expect(await call(origin, 'DELETE', `${PROFILES}/${gone}?parent_user_id=${p}`, parent(p))).toMatchObject({
      status: 403,
      body: { error: { code: 'child_profile_forbidden' } },
    });
    expect(await call(origin, 'DELETE', `${PROFILES}/${gone}?parent_user_id=${p}`, service)).toMatchObject({
      status: 404,
      body: { error: { code: 'child_profile_not_found' } },
    });
    expect(await call(origin, 'DELETE', `${PROFILES}/${kept}?parent_user_id=${p}`, service)).toMatchObject({ status: 204 });
    expect(await outbox(kept)).toHaveLength(2);
  });
});
