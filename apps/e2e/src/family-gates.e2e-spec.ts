import { signIdentity } from '@mikasmissions/service-identity';
import { createContractValidator, type ServiceProcesses, startServices, TEST_EDGE_IDENTITY_KEY, testEnv } from '@mikasmissions/testing';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const contract = createContractValidator();
let PARENT = '';
const CHILD = `k-${randomUUID().slice(0, 8)}`;
const PASSWORD = 'correct horse battery staple';

/** Profile's `GET /internal/profiles/{id}`, standing in on loopback: CHILD belongs to PARENT. */
async function fakeProfile(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const known = PARENT !== '' && req.url === `/internal/profiles/${CHILD}`;
    res.writeHead(known ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        known
          ? { child_profile_id: CHILD, parent_user_id: PARENT, age_band: '6-11' }
          : { error: { code: 'child_profile_not_found', message: 'no', requestId: 'fake' } },
      ),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * Parent gates and kids sessions through the gateway, identity and the gateway as real
 * processes (Postgres + Redis, AUTH_MODE=enforce): a parent signs up and logs in, sets a PIN
 * (password re-check), passes a gate and opens a kids session; profile is a loopback stand-in.
 */
describe('parent gate → kids session through the gateway', () => {
  let platform: ServiceProcesses;
  let profile: { server: Server; url: string };
  let parentToken: string;
  const env = () => testEnv('postgres+redis', { AUTH_MODE: 'enforce', LOG_LEVEL: 'warn', PROFILE_URL: profile.url });

  beforeAll(async () => {
    profile = await fakeProfile();
    platform = await startServices(['identity', 'gateway'], env());
    const email = `gates.${randomUUID().slice(0, 8)}@example.com`;
    const post = (path: string, body: unknown) =>
      fetch(`${platform.urls.gateway}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json());
    PARENT = (
      await post('/v1/parents/signup', { email, password: PASSWORD, country: 'DE', language: 'de', marketing: false, accepted_terms: true })
    ).parent_user_id;
    parentToken = (await post('/v1/parents/login', { email, password: PASSWORD })).access_token;
  }, 90_000);
  afterAll(async () => {
    await platform?.stop();
    await new Promise((resolve) => profile?.server.close(resolve));
  });

  const gw = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${platform.urls.gateway}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => undefined);
    contract.assert({ method, path, status: res.status, body: json });
    return { status: res.status, body: json };
  };
  const gate = async () => {
    const c = await gw(parentToken, 'POST', '/v1/parents/gates/challenge', {
      parent_user_id: PARENT,
      child_profile_id: CHILD,
      method: 'math',
    });
    expect(c.status).toBe(201);
    const [, a, b, d] = /^What is (\d+) × (\d+) \+ (\d+)\?$/.exec(c.body.question) ?? [];
    const v = await gw(parentToken, 'POST', '/v1/parents/gates/verify', {
      parent_user_id: PARENT,
      child_profile_id: CHILD,
      challenge_id: c.body.challenge_id,
      response: String(Number(a) * Number(b) + Number(d)),
    });
    expect(v.body.verified).toBe(true);
    return v.body.gate_token as string;
  };
  const consume = async (gate_token: string) => {
    const path = '/internal/gates/consume';
    const headers = {
      'content-type': 'application/json',
      ...signIdentity({ role: 'service', tenantId: 'default', requestId: randomUUID() }, { method: 'POST', path }, TEST_EDGE_IDENTITY_KEY),
    };
    const res = await fetch(`${platform.urls.identity}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ child_profile_id: CHILD, gate_token }),
    });
    return res.json();
  };

  it('sets a PIN after a password re-check and answers a PIN gate with it', async () => {
    expect((await gw(parentToken, 'PUT', '/v1/parents/pin', { password: 'not the password', pin: '2468' })).body.error.code).toBe(
      'invalid_credentials',
    );
    expect((await gw(parentToken, 'PUT', '/v1/parents/pin', { password: PASSWORD, pin: '2468' })).body.pin_set).toBe(true);
    const c = await gw(parentToken, 'POST', '/v1/parents/gates/challenge', {
      parent_user_id: PARENT,
      child_profile_id: CHILD,
      method: 'pin',
    });
    expect(
      (
        await gw(parentToken, 'POST', '/v1/parents/gates/verify', {
          parent_user_id: PARENT,
          child_profile_id: CHILD,
          challenge_id: c.body.challenge_id,
          response: '2468',
        })
      ).body.verified,
    ).toBe(true);
  });

  it('a gate token is consumed once: the second answer is false', async () => {
    const token = await gate();
    expect(await consume(token)).toEqual({ consumed: true });
    expect(await consume(token)).toEqual({ consumed: false });
  });

  it('a gate opens a kids session; the child token is refused on controls and gates, then revoked', async () => {
    const kids = await gw(parentToken, 'POST', `/v1/children/profiles/${CHILD}/session`, { gate_token: await gate() });
    expect(kids).toMatchObject({ status: 201, body: { child_profile_id: CHILD, role: 'child', token_type: 'Bearer' } });
    const child = kids.body.access_token as string;
    for (const [method, path, body] of [
      [
        'PUT',
        `/v1/parents/controls/${CHILD}`,
        {
          autoplay: true,
          chat_enabled: true,
          external_links: true,
          session_limit_minutes: 180,
          bedtime_window: '23:00-05:00',
          safety_mode: 'balanced',
        },
      ],
      ['GET', `/v1/parents/controls/${CHILD}`, undefined],
      ['POST', '/v1/parents/gates/challenge', { parent_user_id: PARENT, child_profile_id: CHILD, method: 'math' }],
      ['POST', `/v1/children/profiles/${CHILD}/session`, { gate_token: 'gt_x' }],
    ] as const) {
      expect({ method, path, status: (await gw(child, method, path, body)).status }).toEqual({ method, path, status: 403 });
    }
    const controls = await gw(parentToken, 'GET', `/v1/parents/controls/${CHILD}`);
    expect(controls.body.controls).toMatchObject({ autoplay: false, session_limit_minutes: 30, bedtime_window: '20:00-07:00' });
    expect((await gw(parentToken, 'DELETE', `/v1/children/profiles/${CHILD}/session`)).body).toEqual({
      child_profile_id: CHILD,
      revoked: 1,
    });
    const me = await fetch(`${platform.urls.gateway}/v1/me`, { headers: { authorization: `Bearer ${child}` } });
    expect(me.status).toBe(401);
  });
});
