import { SignJWT } from 'jose';
import { createContractValidator, type ServiceProcesses, startServices, testEnv } from '@mikasmissions/testing';
import { freshId } from './testing/billing-test-client';

const env = testEnv('memory', { AUTH_MODE: 'enforce', LOG_LEVEL: 'warn' });
const contract = createContractValidator();

/** An HS256 token as AuthX mints it for a parent (or another edge role). */
const tokenFor = (role: string, claims: Record<string, unknown>) =>
  new SignJWT({ sub: `${role}-${freshId('s')}`, mm_role: role, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(env.JWT_SECRET as string));

/** Billing and the gateway as real processes: the seed's entitlement step through the public edge. */
describe('gateway → billing as real processes', () => {
  let platform: ServiceProcesses;
  let gateway: string;

  beforeAll(async () => {
    platform = await startServices(['billing', 'gateway'], env);
    gateway = platform.urls.gateway;
  }, 90_000);
  afterAll(async () => {
    await platform?.stop();
  });

  const send = async (method: string, path: string, token?: string, body?: unknown, key?: string) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (key) headers['idempotency-key'] = key;
    const res = await fetch(`${gateway}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const answer = { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    contract.assert({ method, path, ...answer });
    return answer;
  };

  it('a parent subscribes, reads its entitlement and cancels through the gateway; a retry replays', async () => {
    const parent = freshId('p');
    const token = await tokenFor('parent', { parent_user_id: parent });
    expect((await send('GET', `/v1/billing/entitlements?parent_user_id=${parent}`, token)).body.error.code).toBe('entitlement_not_found');
    const key = freshId('key');
    const created = await send('POST', '/v1/billing/subscriptions', token, { plan: 'family_monthly' }, key);
    expect([created.status, created.body.parent_user_id]).toEqual([201, parent]);
    expect((await send('POST', '/v1/billing/subscriptions', token, { plan: 'family_monthly' }, key)).body).toEqual(created.body);
    expect((await send('GET', `/v1/billing/entitlements?parent_user_id=${parent}`, token)).body).toEqual({
      parent_user_id: parent,
      plan: 'family_monthly',
      active: true,
    });
    const canceled = await send('DELETE', `/v1/billing/subscriptions/${created.body.subscription_id}`, token);
    expect([canceled.status, canceled.body.cancel_at_period_end]).toEqual([200, true]);
    expect((await send('GET', '/v1/billing/subscriptions', token)).body.subscriptions).toEqual([canceled.body]);
  });

  it('refuses without a token, another parent, and a child', async () => {
    const parent = freshId('p');
    const token = await tokenFor('parent', { parent_user_id: parent });
    const anonymous = await send('GET', `/v1/billing/entitlements?parent_user_id=${parent}`);
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'missing_token']);
    const other = await send('GET', `/v1/billing/entitlements?parent_user_id=${freshId('q')}`, token);
    expect([other.status, other.body.error.code]).toEqual([403, 'parent_mismatch']);
    const child = await send(
      'GET',
      `/v1/billing/entitlements?parent_user_id=${parent}`,
      await tokenFor('child', { parent_user_id: parent, child_profile_id: 'k1' }),
    );
    expect([child.status, child.body.error.code]).toEqual([403, 'insufficient_role']);
  });
});
