import { signIdentity } from '@mikasmissions/service-identity';
import { type ServiceProcesses, createContractValidator, startServices, TEST_EDGE_IDENTITY_KEY, testEnv } from '@mikasmissions/testing';
import { type GatewayAnswer, gatewayCall, type Json } from './testing/gateway-client';
import { verifyConsent } from './testing/gateway-parent';

const contract = createContractValidator();
const PASSWORD = 'correct horse battery staple';

/**
 * Seed 000's family smoke flow through the gateway, with identity, profile and the gateway as
 * real processes in memory mode (what `pnpm run dev:local` runs) and AUTH_MODE=enforce:
 * signup → login → consent → child profile → controls → PIN → gate challenge → gate verify →
 * kids session, then the single-use gate token, cross-parent and child-token refusals. Every
 * answer of the gateway is checked against the v1 contract.
 */
describe('the family flow through the gateway (identity, profile, gateway as processes)', () => {
  let platform: ServiceProcesses;

  beforeAll(async () => {
    platform = await startServices(
      ['identity', 'profile', 'gateway'],
      testEnv('memory', { AUTH_MODE: 'enforce', LOG_LEVEL: 'warn', AUTHX_TRUST_PROXY: 'true' }),
    );
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
  });

  const call = gatewayCall(() => platform.urls.gateway, contract);
  const code = (res: GatewayAnswer) => [res.status, res.body?.error?.code];

  async function parent(label: string) {
    const email = `${label}.${Date.now().toString(36)}@example.com`;
    const signup = await call('POST', '/v1/parents/signup', {
      email,
      password: PASSWORD,
      country: 'DE',
      language: 'de',
      marketing: false,
      accepted_terms: true,
    });
    expect(signup.body).toEqual({ parent_user_id: expect.any(String), status: 'pending_consent' });
    const login = await call('POST', '/v1/parents/login', { email, password: PASSWORD });
    expect(login.body).toMatchObject({ token_type: 'Bearer', role: 'parent', parent_user_id: signup.body.parent_user_id });
    return { email, id: signup.body.parent_user_id as string, token: login.body.access_token as string };
  }

  async function gateToken(who: { id: string; token: string }, child: string, pin: string) {
    const challenge = await call(
      'POST',
      '/v1/parents/gates/challenge',
      { parent_user_id: who.id, child_profile_id: child, method: 'pin' },
      who.token,
    );
    expect(challenge.status).toBe(201);
    const verify = await call(
      'POST',
      '/v1/parents/gates/verify',
      { parent_user_id: who.id, child_profile_id: child, challenge_id: challenge.body.challenge_id, response: pin },
      who.token,
    );
    expect(verify.body).toEqual({ verified: true, gate_token: expect.any(String) });
    return verify.body.gate_token as string;
  }

  /** `POST /internal/gates/consume` at identity, as playback calls it: the signed service identity. */
  async function consume(child: string, token: string): Promise<boolean> {
    const path = '/internal/gates/consume';
    const headers = signIdentity(
      { role: 'service', tenantId: 'default', requestId: `family-flow-${Date.now()}`, subject: 'service:playback' },
      { method: 'POST', path },
      TEST_EDGE_IDENTITY_KEY,
    );
    const res = await fetch(`${platform.urls.identity}${path}`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ child_profile_id: child, gate_token: token }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { consumed: boolean }).consumed;
  }

  it('runs signup → consent → profile → controls → gate → kids session, with every refusal on its code', async () => {
    const mum = await parent('mum');
    const stranger = await parent('stranger');
    const profile = { parent_user_id: mum.id, display_name: 'Mika', age_band: '6-11', avatar: 'fox' };

    expect(code(await call('POST', '/v1/children/profiles', profile, mum.token))).toEqual([403, 'consent_required']);
    await verifyConsent(call, platform, mum);
    const created = await call('POST', '/v1/children/profiles', profile, mum.token);
    expect(created.status).toBe(201);
    expect(created.body.safe_defaults).toBe(true);
    const child = created.body.child_profile_id as string;
    const listed = await call('GET', `/v1/children/profiles?parent_user_id=${mum.id}`, undefined, mum.token);
    expect(listed.body.profiles.map((p: Json) => p.child_profile_id)).toEqual([child]);

    const defaults = await call('GET', `/v1/parents/controls/${child}`, undefined, mum.token);
    expect(defaults.body.controls).toMatchObject({
      autoplay: false,
      chat_enabled: false,
      external_links: false,
      session_limit_minutes: 30,
      bedtime_window: '20:00-07:00',
      safety_mode: 'strict',
    });
    const changed = await call('PUT', `/v1/parents/controls/${child}`, { ...defaults.body.controls, session_limit_minutes: 45 }, mum.token);
    expect([changed.status, changed.body.controls.session_limit_minutes]).toEqual([200, 45]);
    expect(
      code(await call('PUT', `/v1/parents/controls/${child}`, { ...defaults.body.controls, session_limit_minutes: 500 }, mum.token)),
    ).toEqual([400, 'invalid_session_limit']);

    expect(code(await call('GET', `/v1/parents/controls/${child}`, undefined, stranger.token))).toEqual([403, 'child_profile_forbidden']);
    expect(code(await call('POST', '/v1/children/profiles', { ...profile, parent_user_id: stranger.id }, mum.token))).toEqual([
      403,
      'parent_mismatch',
    ]);

    expect((await call('PUT', '/v1/parents/pin', { password: PASSWORD, pin: '4821' }, mum.token)).status).toBe(200);
    const wrong = await call(
      'POST',
      '/v1/parents/gates/challenge',
      { parent_user_id: mum.id, child_profile_id: child, method: 'pin' },
      mum.token,
    );
    const wrongAnswer = { parent_user_id: mum.id, child_profile_id: child, challenge_id: wrong.body.challenge_id, response: '0000' };
    expect(code(await call('POST', '/v1/parents/gates/verify', wrongAnswer, mum.token))).toEqual([403, 'invalid_or_replayed_challenge']);

    const sessionGate = await gateToken(mum, child, '4821');
    const session = await call('POST', `/v1/children/profiles/${child}/session`, { gate_token: sessionGate }, mum.token);
    expect(session.status).toBe(201);
    expect(session.body).toMatchObject({ token_type: 'Bearer', role: 'child', child_profile_id: child });
    expect(code(await call('POST', `/v1/children/profiles/${child}/session`, { gate_token: sessionGate }, mum.token))).toEqual([
      403,
      'invalid_gate_token',
    ]);

    const kid = session.body.access_token as string;
    expect(code(await call('GET', `/v1/parents/controls/${child}`, undefined, kid))).toEqual([403, 'insufficient_role']);
    expect(code(await call('GET', `/v1/children/profiles?parent_user_id=${mum.id}`, undefined, kid))).toEqual([403, 'insufficient_role']);
    expect(
      code(await call('POST', '/v1/parents/gates/challenge', { parent_user_id: mum.id, child_profile_id: child, method: 'pin' }, kid)),
    ).toEqual([403, 'insufficient_role']);

    const single = await gateToken(mum, child, '4821');
    expect(await consume(child, single)).toBe(true);
    expect(await consume(child, single)).toBe(false);

    const dashboard = await call('GET', `/v1/parents/dashboard?parent_user_id=${mum.id}`, undefined, mum.token);
    expect(dashboard.body).toMatchObject({
      parent_user_id: mum.id,
      child_profiles: 1,
      children: [{ child_profile_id: child, display_name: 'Mika' }],
    });
  });
});
