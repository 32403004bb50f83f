import type { INestApplication } from '@nestjs/common';
import { ADAPTERS, baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { capturedCodes, send, shiftClock, signInAs, subject } from './identity-test.helpers';

const PREFIX = 'v1';

describe.each(ADAPTERS)('identity (AuthX) on %s with Postgres + Redis, AUTH_MODE=enforce', (adapter) => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await bootApp(AppModule, {
      adapter,
      env: testEnv('postgres+redis', {
        AUTHX_REDIS_PREFIX: uniquePrefix('authx'),
        OTP_SENDER: 'capture',
        AUTH_MODE: 'enforce',
        AUTH_DEV_LOGIN: 'true',
      }),
      globalPrefix: PREFIX,
    });
    url = await baseUrl(app, PREFIX);
  });
  afterAll(() => app.close());
  afterEach(() => jest.useRealTimers());

  async function otpLogin(who: string, tenant?: string) {
    const headers: Record<string, string> = tenant ? { 'x-tenant-id': tenant } : {};
    const req = await fetch(`${url}/auth/otp/request`, send('POST', { subject: who, channel: 'email' }, headers));
    expect(req.status).toBe(200);
    const { ticketId } = await req.json();
    const code = capturedCodes(app).lastCodeFor(who);
    const res = await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId, code }));
    expect(res.status).toBe(200);
    return res.json();
  }

  it('logs in with an emailed code and the access token opens /me', async () => {
    const who = subject('parent');
    const req = await fetch(`${url}/auth/otp/request`, send('POST', { subject: who, channel: 'email' }));
    const body = await req.json();
    expect(body).toEqual({ ticketId: expect.any(String), expiresIn: 300 });
    const code = capturedCodes(app).lastCodeFor(who)!;
    expect(code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(body)).not.toContain(code);
    const verified = await (await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId: body.ticketId, code }))).json();
    expect(verified).toMatchObject({
      ok: true,
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      sessionId: expect.any(String),
    });
    const me = await fetch(`${url}/me`, { headers: { authorization: `Bearer ${verified.accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      tenantId: 'default',
      userId: expect.stringMatching(/^u_/),
      roles: ['user'],
      sessionId: verified.sessionId,
    });
    const again = await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId: body.ticketId, code }));
    expect(again.status).toBe(401);
  });

  it('answers the same for any subject and validates input', async () => {
    const a = await fetch(`${url}/auth/otp/request`, send('POST', { subject: subject('nobody'), channel: 'email' }));
    expect(a.status).toBe(200);
    expect(Object.keys(await a.json()).sort()).toEqual(['expiresIn', 'ticketId']);
    const bad = await fetch(`${url}/auth/otp/request`, send('POST', { subject: 'not-an-email', channel: 'email' }));
    expect(bad.status).toBe(400);
    const badCode = await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId: 'x'.repeat(24), code: '12ab56' }));
    expect(badCode.status).toBe(400);
  });

  it('allows 5 attempts, counts them down, then the ticket is dead even for the right code', async () => {
    const who = subject('guess');
    const { ticketId } = await (await fetch(`${url}/auth/otp/request`, send('POST', { subject: who, channel: 'email' }))).json();
    const code = capturedCodes(app).lastCodeFor(who)!;
    const wrong = code === '000000' ? '111111' : '000000';
    const left: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId, code: wrong }));
      expect(res.status).toBe(401);
      const err = await res.json();
      expect(err.error.code).toBe('otp_invalid');
      left.push(err.error.details.attemptsLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const right = await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId, code }));
    expect(right.status).toBe(401);
  });

  it('enforces the cooldown per subject with 429 and Retry-After', async () => {
    const who = subject('cool');
    expect((await fetch(`${url}/auth/otp/request`, send('POST', { subject: who, channel: 'email' }))).status).toBe(200);
    const second = await fetch(`${url}/auth/otp/request`, send('POST', { subject: who.toUpperCase(), channel: 'email' }));
    expect(second.status).toBe(429);
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await second.json()).error.code).toBe('otp_cooldown');
  });

  it('expires codes after 5 minutes', async () => {
    const who = subject('late');
    const { ticketId } = await (await fetch(`${url}/auth/otp/request`, send('POST', { subject: who, channel: 'email' }))).json();
    const code = capturedCodes(app).lastCodeFor(who)!;
    shiftClock(301_000);
    const res = await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId, code }));
    expect(res.status).toBe(401);
  });

  it('rotates refresh tokens, gives concurrent refreshes the same pair, and revokes the family on reuse', async () => {
    const first = await otpLogin(subject('rot'));
    const [a, b] = await Promise.all([0, 1].map(() => fetch(`${url}/auth/refresh`, send('POST', { refreshToken: first.refreshToken }))));
    expect([a.status, b.status]).toEqual([200, 200]);
    const [pa, pb] = [await a.json(), await b.json()];
    expect(pa.refreshToken).not.toBe(first.refreshToken);
    expect(pb).toEqual(pa);
    const next = await (await fetch(`${url}/auth/refresh`, send('POST', { refreshToken: pa.refreshToken }))).json();
    expect(next.refreshToken).toEqual(expect.any(String));

    shiftClock(11_000);
    const reuse = await fetch(`${url}/auth/refresh`, send('POST', { refreshToken: first.refreshToken }));
    expect(reuse.status).toBe(401);
    expect((await reuse.json()).error.code).toBe('refresh_token_reused');
    const descendant = await fetch(`${url}/auth/refresh`, send('POST', { refreshToken: next.refreshToken }));
    expect(descendant.status).toBe(401);
    const access = await fetch(`${url}/me`, { headers: { authorization: `Bearer ${next.accessToken}` } });
    expect(access.status).toBe(401);
    expect((await access.json()).error.code).toBe('session_revoked');
  });

  it('logout revokes the session: refresh and access stop working; sessions can be listed and revoked', async () => {
    const who = subject('out');
    const s1 = await otpLogin(who);
    const auth = { authorization: `Bearer ${s1.accessToken}` };
    const list = await (await fetch(`${url}/auth/sessions`, { headers: auth })).json();
    expect(list.current).toBe(s1.sessionId);
    expect(list.data.map((s: { id: string }) => s.id)).toContain(s1.sessionId);
    expect((await fetch(`${url}/auth/sessions/00000000-0000-0000-0000-000000000000`, { method: 'DELETE', headers: auth })).status).toBe(
      404,
    );

    const out = await fetch(`${url}/auth/logout`, send('POST', undefined, auth));
    expect(out.status).toBe(200);
    expect((await fetch(`${url}/auth/refresh`, send('POST', { refreshToken: s1.refreshToken }))).status).toBe(401);
    expect((await fetch(`${url}/me`, { headers: auth })).status).toBe(401);
  });

  it('requires a token in enforce mode but keeps /health and /ready public', async () => {
    const res = await fetch(`${url}/me`);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthenticated');
    expect((await fetch(`${url}/health`)).status).toBe(200);
    expect((await fetch(`${url}/ready`)).status).toBe(200);
    expect((await fetch(`${url}/.well-known/jwks.json`)).status).toBe(200);
  });
});

describe('identity OTP hourly caps (Redis)', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const env = testEnv('postgres+redis', {
      AUTHX_REDIS_PREFIX: uniquePrefix('authx-caps'),
      OTP_SENDER: 'capture',
      OTP_COOLDOWN_SEC: '0',
      OTP_HOURLY_CAP: '3',
      OTP_IP_HOURLY_CAP: '8',
    });
    app = await bootApp(AppModule, { adapter: 'express', env, globalPrefix: PREFIX });
    url = await baseUrl(app, PREFIX);
  });
  afterAll(() => app.close());

  const ask = (who: string, tenant = 'default') =>
    fetch(`${url}/auth/otp/request`, send('POST', { subject: who, channel: 'email' }, { 'x-tenant-id': tenant }));

  it('has no dev login unless AUTH_DEV_LOGIN=true', async () => {
    const res = await fetch(`${url}/auth/login`, send('POST', { userId: 'u1' }));
    expect(res.status).toBe(404);
  });

  it('caps codes per subject and tenant per hour, then per IP', async () => {
    const who = subject('capped');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(who)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const capped = await ask(who);
    expect((await capped.json()).error.code).toBe('otp_rate_limited');
    expect(Number(capped.headers.get('retry-after'))).toBeGreaterThan(3_000);
    expect((await ask(who, 'other-tenant')).status).toBe(200);

    // 4 of the 8 from this address are spent (the refused requests spent nothing), so the 5th new subject is refused
    const rest = [];
    for (let i = 0; i < 5; i++) rest.push((await ask(subject(`ip${i}`))).status);
    expect(rest).toEqual([200, 200, 200, 200, 429]);
    expect(capturedCodes(app).messages.length).toBeLessThanOrEqual(8);
  });

  it('behind a trusted proxy, an address the proxy saw rotating does not lift the subject cap', async () => {
    const proxied = await bootApp(AppModule, {
      adapter: 'express',
      env: testEnv('postgres+redis', {
        AUTHX_REDIS_PREFIX: uniquePrefix('authx-xff'),
        AUTHX_TRUST_PROXY: 'true',
        OTP_SENDER: 'capture',
        OTP_COOLDOWN_SEC: '0',
        OTP_HOURLY_CAP: '2',
        OTP_IP_HOURLY_CAP: '2',
      }),
      globalPrefix: PREFIX,
    });
    try {
      const base = await baseUrl(proxied, PREFIX);
      const from = (ip: string, who: string) =>
        fetch(`${base}/auth/otp/request`, send('POST', { subject: who, channel: 'email' }, { 'x-forwarded-for': `10.9.9.9, ${ip}` }));
      const who = subject('xff');
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await from(`203.0.113.${i}`, who)).status);
      expect(statuses).toEqual([200, 200, 429, 429]);
      const sameIp = [];
      for (let i = 0; i < 3; i++) sameIp.push((await from('198.51.100.7', subject(`xff${i}`))).status);
      expect(sameIp).toEqual([200, 200, 429]);
    } finally {
      await proxied.close();
    }
  });
});

describe('identity admin RBAC: persisted role assignments (Postgres)', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const env = testEnv('postgres+redis', {
      AUTHX_REDIS_PREFIX: uniquePrefix('authx-roles'),
      OTP_SENDER: 'capture',
      OTP_COOLDOWN_SEC: '0',
      AUTH_MODE: 'enforce',
      AUTH_DEV_LOGIN: 'true',
    });
    app = await bootApp(AppModule, { adapter: 'express', env, globalPrefix: PREFIX });
    url = await baseUrl(app, PREFIX);
  });
  afterAll(() => app.close());

  it('an admin grants a role; the user holds it from the next sign-in; non-admins get 403', async () => {
    const who = subject('to-be-parent');
    const login = async () => {
      const { ticketId } = await (await fetch(`${url}/auth/otp/request`, send('POST', { subject: who, channel: 'email' }))).json();
      return (await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId, code: capturedCodes(app).lastCodeFor(who) }))).json();
    };
    const first = await login();
    const me = await (await fetch(`${url}/me`, { headers: { authorization: `Bearer ${first.accessToken}` } })).json();
    expect(me.roles).toEqual(['user']);

    const admin = await signInAs(app, 'root', 'default', ['admin']);
    const denied = await fetch(
      `${url}/admin/auth/users/${me.userId}/roles`,
      send('POST', { role: 'parent' }, { authorization: `Bearer ${first.accessToken}` }),
    );
    expect(denied.status).toBe(403);
    const granted = await fetch(`${url}/admin/auth/users/${me.userId}/roles`, send('POST', { role: 'parent' }, admin));
    expect(granted.status).toBe(201);
    expect(await granted.json()).toEqual({ tenantId: 'default', userId: me.userId, roles: ['parent'] });

    const second = await login();
    const me2 = await (await fetch(`${url}/me`, { headers: { authorization: `Bearer ${second.accessToken}` } })).json();
    expect(me2.roles.sort()).toEqual(['parent', 'user']);
    expect((await fetch(`${url}/admin/auth/users/${me.userId}/roles/parent`, send('DELETE', undefined, admin))).status).toBe(204);
    expect((await fetch(`${url}/admin/auth/users/${me.userId}/roles/parent`, send('DELETE', undefined, admin))).status).toBe(404);
  });
});
