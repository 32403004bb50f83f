import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { createContractValidator, type ServiceProcesses, startServices, testEnv } from '@mikasmissions/testing';

/**
 * Issue 11, children: the gateway and profile as real processes on loopback (AUTH_MODE=enforce,
 * memory stores), identity's consent lookup answered by a stand-in. A parent's bearer token goes
 * through the gateway's JWT check and signed identity headers to profile's scoping.
 */
const SECRET = 'profile-gateway-e2e-secret-long-enough-0123456789';
const contract = createContractValidator();
const now = () => Math.floor(Date.now() / 1000);
const token = (claims: Record<string, unknown>) =>
  new SignJWT({ exp: now() + 300, iat: now(), ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET));

describe('gateway → profile as real processes', () => {
  let platform: ServiceProcesses;
  let identity: Server;
  const active = new Set<string>();

  beforeAll(async () => {
    identity = createServer((req, res) => {
      const id = decodeURIComponent((req.url ?? '').replace(/^\/internal\/parents\//, '').split('?')[0]);
      res.setHeader('content-type', 'application/json');
      if (!active.has(id)) res.statusCode = 404;
      res.end(
        JSON.stringify(
          active.has(id)
            ? { parent_user_id: id, status: 'active', consent_verified_at: new Date().toISOString() }
            : { error: { code: 'parent_not_found', message: 'no', requestId: 'x' } },
        ),
      );
    });
    await new Promise<void>((resolve) => identity.listen(0, '127.0.0.1', resolve));
    const identityUrl = `http://127.0.0.1:${(identity.address() as AddressInfo).port}`;
    platform = await startServices(
      ['profile', 'gateway'],
      testEnv('memory', { AUTH_MODE: 'enforce', JWT_SECRET: SECRET, IDENTITY_URL: identityUrl, LOG_LEVEL: 'warn' }),
    );
  }, 90_000);
  afterAll(async () => {
    await platform?.stop();
    await new Promise((resolve) => identity?.close(resolve));
  });

  const call = async (method: string, path: string, bearer: string | null, body?: unknown) => {
    const headers: Record<string, string> = {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    };
    const res = await fetch(`${platform.urls.gateway}${path}`, { method, headers, body: body ? JSON.stringify(body) : undefined });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : undefined;
    contract.assert({ method, path, status: res.status, body: parsed });
    return { status: res.status, body: parsed };
  };

  it('a parent creates, lists and deletes its child; another parent and a child token are refused', async () => {
    const [mine, theirs] = [`p-gw-${Date.now()}`, `p-gw-other-${Date.now()}`];
    active.add(mine);
    const parent = await token({ sub: mine, mm_role: 'parent', parent_user_id: mine });
    const created = await call('POST', '/v1/children/profiles', parent, {
      parent_user_id: mine,
      display_name: 'Mia',
      age_band: '6-11',
      avatar: 'rocket',
    });
    expect(created).toMatchObject({ status: 201, body: { safe_defaults: true } });
    const id = created.body.child_profile_id as string;
    expect((await call('GET', `/v1/children/profiles?parent_user_id=${mine}`, parent)).body.profiles).toEqual([
      expect.objectContaining({ child_profile_id: id, display_name: 'Mia' }),
    ]);

    const other = await token({ sub: theirs, mm_role: 'parent', parent_user_id: theirs });
    expect((await call('GET', `/v1/children/profiles?parent_user_id=${mine}`, other)).body.error.code).toBe('parent_mismatch');
    expect((await call('DELETE', `/v1/children/profiles/${id}?parent_user_id=${theirs}`, other)).body.error.code).toBe(
      'child_profile_forbidden',
    );
    const child = await token({ sub: id, mm_role: 'child', parent_user_id: mine, child_profile_id: id });
    expect(await call('GET', `/v1/children/profiles?parent_user_id=${mine}`, child)).toMatchObject({
      status: 403,
      body: { error: { code: 'insufficient_role' } },
    });
    expect((await call('GET', `/v1/children/profiles?parent_user_id=${mine}`, null)).status).toBe(401);

    expect((await call('DELETE', `/v1/children/profiles/${id}?parent_user_id=${mine}`, parent)).status).toBe(204);
    expect((await call('GET', `/v1/children/profiles?parent_user_id=${mine}`, parent)).body).toEqual({ profiles: [] });
  });
});
