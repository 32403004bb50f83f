import type { INestApplication } from '@nestjs/common';
import { ADAPTERS, baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { deleteRedisKeys, send, signInAs } from './identity-test.helpers';

const PREFIX = 'v1';
const prefix = uniquePrefix('authx-tenancy');
const env = () =>
  testEnv('postgres+redis', { AUTHX_REDIS_PREFIX: prefix, OTP_SENDER: 'capture', AUTH_MODE: 'enforce', AUTH_DEV_LOGIN: 'true' });
const loginOn = async (url: string, userId: string, tenant: string, roles: string[] = []) => {
  const res = await fetch(`${url}/auth/login`, send('POST', { userId, roles }, { 'x-tenant-id': tenant }));
  expect(res.status).toBe(200);
  return { authorization: `Bearer ${(await res.json()).accessToken}`, 'x-tenant-id': tenant };
};

// Issue 9 item 6: cross-tenant privilege escalation through the admin API.
afterAll(() => deleteRedisKeys(prefix));

describe.each(ADAPTERS)('identity admin API keeps tenants apart (%s, Postgres)', (adapter) => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await bootApp(AppModule, { adapter, env: env(), globalPrefix: PREFIX });
    url = await baseUrl(app, PREFIX);
  });
  afterAll(() => app.close());

  it('a tenant admin cannot define roles in another tenant or in every tenant (403), nor with platform permissions', async () => {
    const adminA = await signInAs(app, 'rootA', 'tenantA', ['admin']);
    const attempts = [
      { role: 'user', permissions: ['authx:admin', 'tenants:cross'], tenant: '*' },
      { role: 'user', permissions: ['authx:admin'], tenant: 'tenantB' },
      { role: 'user', permissions: ['tenants:*'] },
      { role: 'user', permissions: ['tenants:cross'] },
    ];
    const codes = [];
    for (const body of attempts) {
      const res = await fetch(`${url}/admin/auth/roles`, send('POST', body, adminA));
      codes.push([res.status, (await res.json()).error?.code]);
    }
    expect(codes).toEqual([
      [403, 'missing_permission'],
      [403, 'tenant_mismatch'],
      [403, 'missing_permission'],
      [403, 'missing_permission'],
    ]);
    const plainB = await loginOn(url, `plain-${adapter}`, 'tenantB', ['user']);
    expect((await fetch(`${url}/admin/auth/audit`, { headers: plainB })).status).toBe(403);
    expect((await fetch(`${url}/me`, { headers: { ...plainB, 'x-tenant-id': 'tenantC' } })).status).toBe(403);
  });

  it('a tenant admin cannot assign a role that carries platform permissions; a platform admin can', async () => {
    const adminA = await signInAs(app, 'rootA', 'tenantA', ['admin']);
    const denied = await fetch(`${url}/admin/auth/users/u-${adapter}/roles`, send('POST', { role: 'service' }, adminA));
    expect(denied.status).toBe(403);
    expect((await denied.json()).error).toMatchObject({ code: 'missing_permission', details: { permission: 'tenants:*' } });
    expect((await fetch(`${url}/admin/auth/users/u-${adapter}/roles`, send('POST', { role: 'parent' }, adminA))).status).toBe(201);
    const platform = await signInAs(app, 'ops', 'tenantA', ['platform-admin']);
    expect((await fetch(`${url}/admin/auth/users/u-${adapter}/roles`, send('POST', { role: 'service' }, platform))).status).toBe(201);
  });
});

describe('identity replicas agree on run-time roles (Postgres)', () => {
  let one: INestApplication;
  let two: INestApplication;

  beforeAll(async () => {
    const shared = env();
    [one, two] = await Promise.all([
      bootApp(AppModule, { adapter: 'express', env: shared, globalPrefix: PREFIX }),
      bootApp(AppModule, { adapter: 'express', env: shared, globalPrefix: PREFIX }),
    ]);
  });
  afterAll(() => Promise.all([one.close(), two.close()]));

  it('a role defined on one replica holds on the other within seconds', async () => {
    const [urlOne, urlTwo] = [await baseUrl(one, PREFIX), await baseUrl(two, PREFIX)];
    const tenant = `t${Date.now().toString(36)}`;
    const role = `auditor-${Math.random().toString(36).slice(2, 8)}`;
    const admin = await signInAs(one, 'root', tenant, ['admin']);
    expect((await fetch(`${urlOne}/admin/auth/roles`, send('POST', { role, permissions: ['authx:admin'] }, admin))).status).toBe(201);
    const auditor = await signInAs(two, 'aud', tenant, [role]);
    let status = 0;
    for (const until = Date.now() + 8_000; Date.now() < until && status !== 200;) {
      status = (await fetch(`${urlTwo}/admin/auth/audit`, { headers: auditor })).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    expect((await (await fetch(`${urlTwo}/admin/auth/roles`, { headers: admin })).json()).roles[role]).toEqual(['authx:admin']);
  }, 15_000);
});
