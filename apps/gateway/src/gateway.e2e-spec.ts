import type { INestApplication } from '@nestjs/common';
import { V1_POLICY } from '@mikasmissions/edge-auth';
import { verifyIdentity } from '@mikasmissions/service-identity';
import { baseUrl, bootApp, createContractValidator, testEnv } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { upstreamOf } from './proxy/upstreams';
import { startStubUpstreams, type StubUpstreams } from './testing/stub-upstreams';
import { TEST_IDENTITY_KEY, TEST_SECRET, tokenFor } from './testing/tokens';

/** The gateway's own answers (health, 401/403, 404, 502, 504) must be in the v1 contract. */
const contract = createContractValidator();
const inContract = (method: string, path: string, res: { status: number; body: unknown }) =>
  contract.check({ method, path, status: res.status, body: res.body });

const ROLES = ['parent', 'child', 'service', 'admin', 'creator', 'none'] as const;
/** Every operation of the v1 table with a concrete path (params filled, a query kept). */
const ROUTES = V1_POLICY.filter((r) => r.method !== '*' && r.path.startsWith('/v1')).map((r) => ({
  ...r,
  url: `${r.path.replace(/\{[^}]+\}/g, 'p-1')}?q=a%20b&n=1`,
}));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are read loosely in assertions
type Json = Record<string, any>;
const call = async (url: string, method: string, headers: Record<string, string> = {}) => {
  const res = await fetch(url, {
    method,
    headers: { ...headers, ...(method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
    body: method === 'GET' || method === 'DELETE' ? undefined : '{"a":1}',
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Json) : {}, headers: res.headers };
};

describe.each(['permissive', 'enforce'] as const)('gateway in AUTH_MODE=%s', (mode) => {
  let stubs: StubUpstreams;
  let app: INestApplication;
  let url: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stubs = await startStubUpstreams();
    app = await bootApp(AppModule, {
      adapter: 'fastify',
      env: testEnv('memory', {
        ...stubs.env,
        AUTH_MODE: mode,
        JWT_SECRET: TEST_SECRET,
        EDGE_IDENTITY_KEY: TEST_IDENTITY_KEY,
        GATEWAY_TIMEOUT_MS: '400',
      }),
    });
    url = await baseUrl(app);
    for (const role of ROLES) if (role !== 'none') tokens[role] = await tokenFor(role);
  });
  afterAll(async () => {
    await app.close();
    await stubs.close();
  });

  it('answers /health, /ready (upstreams in details) and /healthz at the root', async () => {
    for (const path of ['/healthz', '/health', '/ready']) {
      const res = await call(`${url}${path}`, 'GET');
      expect([path, res.status]).toEqual([path, 200]);
      expect(inContract('GET', path, res)).toMatchObject({ ok: true });
    }
    const ready = await call(`${url}/ready`, 'GET');
    expect(ready.status).toBe(200);
    expect(ready.body.details.upstreams.status).toBe('up');
    expect(ready.body.details.upstreams.catalog).toMatchObject({ status: 'up' });
  });

  it.each(ROUTES.map((r) => [r.method, r.url, r] as const))(
    'proxies %s %s unchanged, with verifiable identity and no client x-auth-*',
    async (method, path, rule) => {
      const role = rule.roles === 'public' ? 'parent' : rule.roles[0];
      const before = stubs.received.length;
      const res = await call(`${url}${path}`, method, {
        authorization: `Bearer ${tokens[role]}`,
        'x-auth-role': 'admin',
        'x-auth-signature': 'forged',
        'x-request-id': 'client-req-1',
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ upstream: upstreamOf(path), path });
      const got = stubs.received.slice(before).find((r) => r.url === path)!;
      expect(got).toBeDefined();
      expect(got.method).toBe(method);
      expect(got.headers['x-request-id']).toBe('client-req-1');
      expect(res.headers.get('x-request-id')).toBe('client-req-1');
      if (method !== 'GET' && method !== 'DELETE') expect(got.body).toBe('{"a":1}');
      if (rule.roles === 'public') {
        expect(got.headers['x-auth-role']).toBeUndefined();
        expect(got.headers['x-auth-signature']).toBeUndefined();
      } else {
        const check = verifyIdentity(got.headers, { method, path }, TEST_IDENTITY_KEY, 30_000);
        expect(check).toMatchObject({ ok: true, identity: { role, requestId: 'client-req-1', subject: `${role}-1` } });
      }
    },
  );

  it('forwards a token-less protected call without identity (permissive) or refuses it 401 missing_token (enforce)', async () => {
    const before = stubs.received.length;
    const res = await call(`${url}/v1/children/profiles`, 'GET', { 'x-auth-role': 'service', 'x-auth-parent-user-id': 'victim' });
    if (mode === 'permissive') {
      expect(res.status).toBe(200);
      const got = stubs.received.slice(before)[0];
      expect(Object.keys(got.headers).filter((h) => h.startsWith('x-auth-'))).toEqual([]);
    } else {
      expect(res.status).toBe(401);
      expect(res.body.error).toMatchObject({ code: 'missing_token' });
      expect(res.body.error.requestId).toEqual(expect.any(String));
      expect(stubs.received.length).toBe(before);
    }
  });

  it('answers 404 route_not_found for paths no policy covers', async () => {
    for (const path of ['/v1/nowhere', '/v1/internal/outbox', '/v1/catalog/..%2Fadmin', '/v1//catalog/episodes/e1']) {
      const res = await call(`${url}${path}`, 'GET', { authorization: `Bearer ${tokens.service}` });
      expect([path, res.status, res.body.error?.code]).toEqual([path, 404, 'route_not_found']);
    }
  });

  it('keeps every role × route to the policy table', async () => {
    const table: string[] = [];
    const wrong: string[] = [];
    for (const rule of ROUTES) {
      const row: string[] = [];
      for (const role of ROLES) {
        const headers: Record<string, string> = role === 'none' ? {} : { authorization: `Bearer ${tokens[role]}` };
        const res = await call(`${url}${rule.url}`, rule.method, headers);
        const allowed = rule.roles === 'public' || (role === 'none' ? mode === 'permissive' : rule.roles.includes(role));
        const expected = allowed ? 200 : role === 'none' ? 401 : 403;
        const code = allowed ? undefined : role === 'none' ? 'missing_token' : 'insufficient_role';
        if (res.status !== expected || res.body.error?.code !== code)
          wrong.push(`${rule.method} ${rule.path} as ${role}: ${res.status} ${res.body.error?.code}`);
        const verdict = allowed ? undefined : inContract(rule.method, rule.url, res);
        if (verdict && !verdict.ok) wrong.push(`${rule.method} ${rule.path} as ${role}: not in the contract: ${verdict.errors.join('; ')}`);
        row.push(res.status === 200 ? 'pass' : String(res.status));
      }
      table.push(`| ${rule.method} ${rule.path} | ${row.join(' | ')} |`);
    }
    if (process.env.PRINT_POLICY_MATRIX) process.stdout.write(`\n${mode}\n| route | ${ROLES.join(' | ')} |\n${table.join('\n')}\n`);
    expect(wrong).toEqual([]);
  }, 30_000);

  it('answers 504 upstream_timeout for a slow upstream without holding up other routes', async () => {
    stubs.delayMs.catalog = 2_000;
    try {
      const started = Date.now();
      const [slow, fast] = await Promise.all([
        call(`${url}/v1/catalog/episodes/e1`, 'GET', { authorization: `Bearer ${tokens.parent}` }),
        (async () => {
          await new Promise((r) => setTimeout(r, 50));
          const t = Date.now();
          const res = await call(`${url}/v1/children/profiles`, 'GET', { authorization: `Bearer ${tokens.parent}` });
          return { ...res, ms: Date.now() - t };
        })(),
      ]);
      expect(slow.status).toBe(504);
      expect(slow.body.error).toMatchObject({ code: 'upstream_timeout' });
      expect(inContract('GET', '/v1/catalog/episodes/e1', slow)).toMatchObject({ ok: true });
      expect(Date.now() - started).toBeLessThan(1_900);
      expect(fast.status).toBe(200);
      expect(fast.ms).toBeLessThan(300);
    } finally {
      delete stubs.delayMs.catalog;
    }
  });
});

describe('gateway with an upstream down', () => {
  it('answers 502 upstream_unavailable and keeps serving the others', async () => {
    const stubs = await startStubUpstreams();
    const app = await bootApp(AppModule, {
      adapter: 'fastify',
      env: testEnv('memory', {
        ...stubs.env,
        BILLING_URL: 'http://127.0.0.1:1',
        AUTH_MODE: 'enforce',
        JWT_SECRET: TEST_SECRET,
        EDGE_IDENTITY_KEY: TEST_IDENTITY_KEY,
      }),
    });
    try {
      const url = await baseUrl(app);
      const auth = { authorization: `Bearer ${await tokenFor('parent')}` };
      for (let i = 0; i < 12; i++) {
        const down = await call(`${url}/v1/billing/entitlements?parent_user_id=parent-1`, 'GET', auth);
        expect(down.status).toBe(502);
        expect(down.body.error).toMatchObject({ code: 'upstream_unavailable' });
        expect(inContract('GET', '/v1/billing/entitlements?parent_user_id=parent-1', down)).toMatchObject({ ok: true });
      }
      expect((await call(`${url}/v1/children/profiles`, 'GET', auth)).status).toBe(200);
      const ready = await call(`${url}/ready`, 'GET');
      expect(ready.status).toBe(200);
      expect(ready.body.details.upstreams.billing).toMatchObject({ status: 'down' });
      expect(ready.body.details.circuits['upstream.billing'].state ?? ready.body.details.circuits['upstream.billing']).toBeDefined();
    } finally {
      await app.close();
      await stubs.close();
    }
  });
});
