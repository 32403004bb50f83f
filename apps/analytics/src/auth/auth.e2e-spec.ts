import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { CapturingOtpSender, JwtCodec, OtpSender, SessionService } from '@mikasmissions/authx';
import { createAuthClient, type AuthTokens } from '@mikasmissions/authx-sdk';
import { ADAPTERS, baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { AppModule } from '../app.module';

const PREFIX = 'api/v1/analytics';
/** POST with a fresh Idempotency-Key (required on `POST /events`, ignored by the other routes). */
const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
  body: JSON.stringify(body),
});

describe.each(ADAPTERS)("the runbook's AuthX demos on analytics (%s, Postgres + Redis, permissive)", (adapter) => {
  let app: INestApplication;
  let BASE: string;

  beforeAll(async () => {
    const env = testEnv('postgres+redis', {
      AUTHX_REDIS_PREFIX: uniquePrefix('authx-analytics'),
      OTP_SENDER: 'capture',
      AUTH_DEV_LOGIN: 'true',
    });
    app = await bootApp(AppModule, { adapter, env, globalPrefix: PREFIX });
    BASE = await baseUrl(app, PREFIX);
  });
  afterAll(() => app.close());

  const login = async (userId: string, tenant = 'default', roles: string[] = []) => {
    const res = await fetch(`${BASE}/auth/login`, post({ userId, roles }, { 'x-tenant-id': tenant }));
    return { authorization: `Bearer ${(await res.json()).accessToken}` };
  };
  /** A session with privileged roles, opened in-process: the dev login never mints those. */
  const signInAs = async (userId: string, tenant: string, roles: string[]) => {
    const { accessToken } = await app.get(SessionService).open({ tenantId: tenant, userId, roles });
    return { authorization: `Bearer ${accessToken}` };
  };

  it('OTP: request → { ticketId, expiresIn }, verify → { ok, accessToken, refreshToken, sessionId }', async () => {
    const who = `user.${Date.now()}.${adapter}@example.com`;
    const ticket = await (await fetch(`${BASE}/auth/otp/request`, post({ subject: who, channel: 'email' }))).json();
    expect(ticket).toEqual({ ticketId: expect.any(String), expiresIn: 300 });
    const code = (app.get(OtpSender) as CapturingOtpSender).lastCodeFor(who);
    const verified = await (await fetch(`${BASE}/auth/otp/verify`, post({ ticketId: ticket.ticketId, code }))).json();
    expect(verified).toMatchObject({
      ok: true,
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      sessionId: expect.any(String),
    });
    const me = await (await fetch(`${BASE}/me`, { headers: { authorization: `Bearer ${verified.accessToken}` } })).json();
    expect(me.userId).toMatch(/^u_/);
  });

  it('RBAC: POST /events needs events:write in the tenant; anonymous still works in permissive mode', async () => {
    expect((await fetch(`${BASE}/events`, post({ type: 'anon' }))).status).toBe(201);
    expect(
      (await fetch(`${BASE}/events`, post({ type: 'a' }, { ...(await login('1', 'tenantA')), 'x-tenant-id': 'tenantA' }))).status,
    ).toBe(201);
    const b = await fetch(`${BASE}/events`, post({ type: 'b' }, await login('1', 'tenantB')));
    expect(b.status).toBe(403);
    expect((await b.json()).error.code).toBe('missing_permission');
    const bad = await fetch(`${BASE}/events`, post({ type: 'x' }, { authorization: 'Bearer forged.token.here' }));
    expect(bad.status).toBe(401);
  });

  it('REBAC: the runbook tuple (tenantA) opens /projects/:id/events for user 1 in tenantA only', async () => {
    const id = `${Date.now()}${adapter.length}`;
    const admin = await signInAs('root', 'tenantA', ['admin']);
    const user = await login('1', 'tenantA');
    expect((await fetch(`${BASE}/projects/${id}/events`, { headers: user })).status).toBe(403);
    const write = await fetch(
      `${BASE}/admin/auth/rebac`,
      post({ subject: 'user:1', relation: 'viewer', object: `project:${id}` }, { ...admin, 'x-tenant-id': 'tenantA' }),
    );
    expect(write.status).toBe(201);
    await fetch(`${BASE}/events`, post({ type: 'view', payload: { projectId: id } }, { ...user, 'x-tenant-id': 'tenantA' }));
    const ok = await fetch(`${BASE}/projects/${id}/events`, { headers: user });
    expect(ok.status).toBe(200);
    expect((await ok.json()).data.some((e: { type: string }) => e.type === 'view')).toBe(true);
    expect((await fetch(`${BASE}/projects/${id}/events`, { headers: await login('1', 'tenantB') })).status).toBe(403);
    const check = await (
      await fetch(`${BASE}/admin/auth/rebac/check?subject=user:1&relation=viewer&object=project:${id}`, { headers: admin })
    ).json();
    expect(check).toMatchObject({ tenantId: 'tenantA', allowed: true });
  });

  // Issue 9 item 6: an admin of tenantA gave users of tenantB/C admin rights through the body's tenant.
  it('an admin may define roles only in its own tenant, never for every tenant nor with cross-tenant permissions', async () => {
    const adminA = { ...(await signInAs('rootA', 'tenantA', ['admin'])), 'x-tenant-id': 'tenantA' };
    const everyTenant = await fetch(
      `${BASE}/admin/auth/roles`,
      post({ role: 'user', permissions: ['authx:admin', 'tenants:cross'], tenant: '*' }, adminA),
    );
    expect(everyTenant.status).toBe(403);
    expect((await everyTenant.json()).error).toMatchObject({ code: 'missing_permission', details: { permission: 'tenants:*' } });
    const otherTenant = await fetch(
      `${BASE}/admin/auth/roles`,
      post({ role: 'user', permissions: ['authx:admin'], tenant: 'tenantB' }, adminA),
    );
    expect(otherTenant.status).toBe(403);
    expect((await otherTenant.json()).error.code).toBe('tenant_mismatch');
    const crossing = await fetch(`${BASE}/admin/auth/roles`, post({ role: 'hopper', permissions: ['events:read', '*'] }, adminA));
    expect(crossing.status).toBe(403);
    expect((await crossing.json()).error).toMatchObject({ code: 'missing_permission', details: { permission: 'tenants:*' } });
    const userB = { ...(await login(`plain-${adapter}`, 'tenantB')), 'x-tenant-id': 'tenantB' };
    expect((await fetch(`${BASE}/admin/auth/audit`, { headers: userB })).status).toBe(403);
    const own = await fetch(
      `${BASE}/admin/auth/roles`,
      post({ role: `reader-${adapter}`, permissions: ['events:read'], tenant: 'tenantA' }, adminA),
    );
    expect(own.status).toBe(201);

    const platform = await signInAs('ops', 'tenantA', ['platform-admin']);
    const global = await fetch(
      `${BASE}/admin/auth/roles`,
      post({ role: `global-${adapter}`, permissions: ['catalog:read'], tenant: '*' }, platform),
    );
    expect(global.status).toBe(201);
    expect((await global.json()).roles[`global-${adapter}`]).toEqual(['catalog:read']);
  });

  // Issue 9 item 9: permissive mode let anonymous callers read the audit log and grant admin.
  it('permissive keeps the token-less demos but never for /admin/*: 401 without a token, 403 without authx:admin', async () => {
    expect((await fetch(`${BASE}/events`, post({ type: 'anon-demo' }))).status).toBe(201);
    expect((await fetch(`${BASE}/events`)).status).toBe(200);
    const admin: Array<[string, RequestInit | undefined]> = [
      [`${BASE}/admin/auth/audit`, undefined],
      [`${BASE}/admin/auth/users/anon-${adapter}/roles`, post({ role: 'admin' })],
      [`${BASE}/admin/auth/roles`, post({ role: `anon-${adapter}`, permissions: ['events:*'], tenant: '*' })],
    ];
    for (const [route, init] of admin) {
      expect([route, (await fetch(route, init)).status]).toEqual([route, 401]);
      const user = await login(`plain-${adapter}`, 'default');
      expect([route, (await fetch(route, { ...init, headers: { ...(init?.headers as Record<string, string>), ...user } })).status]).toEqual(
        [route, 403],
      );
    }
    const dev = await fetch(`${BASE}/auth/login`, post({ userId: 'mallory', roles: ['admin'] }));
    expect(dev.status).toBe(403);
    expect((await dev.json()).error.code).toBe('dev_login_role_forbidden');
  });

  it('a well-signed token with a random sid is 401 session_unknown (the session check fails closed)', async () => {
    const forged = await app
      .get(JwtCodec)
      .sign({ sub: 'ghost', tenant: 'default', roles: ['user'], sid: crypto.randomUUID(), jti: 'forged' }, 60);
    const res = await fetch(`${BASE}/events`, { headers: { authorization: `Bearer ${forged}` } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('session_unknown');
  });

  it('the cross-tenant header spoof is a 403', async () => {
    const res = await fetch(`${BASE}/events`, { headers: { ...(await login('1', 'tenantA')), 'x-tenant-id': 'tenantB' } });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('tenant_mismatch');
  });

  it('the SDK snippet works as written', async () => {
    let stored: AuthTokens | null = null;
    const getTokens = () => stored;
    const setTokens = (t: AuthTokens | null) => void (stored = t);
    const auth = createAuthClient({ baseUrl: BASE, getTokens, setTokens });
    await auth.login({ userId: 'u1' });
    const res = await auth.fetchWithAuth('/projects/proj_123/events');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ projectId: 'proj_123', data: expect.any(Array) });
    expect((await auth.fetchWithAuth('/projects/proj_999/events')).status).toBe(403);
  });
});
