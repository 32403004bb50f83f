import { deleteTestFileKeys, type ServiceProcesses, startServices, testEnv, testRedisUrl } from '@mikasmissions/testing';
import { consentCode, type GatewayCall } from './gateway-client';

/** The password of every parent {@link signUpParent} makes. */
export const PARENT_PASSWORD = 'correct horse battery staple';

/** A parent signed up and logged in through the gateway. */
export interface GatewayParent {
  email: string;
  id: string;
  /** The parent's access token. */
  token: string;
}

/**
 * Starts `apps` as real processes ({@link startServices}, 120 s to listen) in memory mode with
 * AUTH_MODE=enforce, warn logs and events over this file's Redis streams (`MESSAGING_REDIS_URL`);
 * `extra` adds or overrides variables. Stop it with {@link stopPlatform}.
 *
 * @example
 * platform = await startPlatform(['identity', 'billing', 'gateway'], { AUTHX_TRUST_PROXY: 'true' });
 */
export function startPlatform(apps: string[], extra: Record<string, string> = {}): Promise<ServiceProcesses> {
  const env = testEnv('memory', { AUTH_MODE: 'enforce', LOG_LEVEL: 'warn', MESSAGING_REDIS_URL: testRedisUrl(), ...extra });
  return startServices(apps, env, 120_000);
}

/** Stops a {@link startPlatform} platform (if it started) and deletes the Redis keys this file wrote. */
export async function stopPlatform(platform: ServiceProcesses | undefined): Promise<void> {
  await platform?.stop();
  await deleteTestFileKeys();
}

/**
 * Signs a parent up (201) and logs them in (200) through the gateway, with a fresh
 * `<label>.<time>@example.com` address.
 *
 * @example
 * const parent = await signUpParent(call, 'trace');
 */
export async function signUpParent(call: GatewayCall, label: string): Promise<GatewayParent> {
  const email = `${label}.${Date.now().toString(36)}@example.com`;
  const signup = await call('POST', '/v1/parents/signup', {
    email,
    password: PARENT_PASSWORD,
    country: 'DE',
    language: 'de',
    marketing: false,
    accepted_terms: true,
  });
  expect(signup.status).toBe(201);
  const login = await call('POST', '/v1/parents/login', { email, password: PARENT_PASSWORD });
  expect(login.status).toBe(200);
  return { email, id: signup.body.parent_user_id as string, token: login.body.access_token as string };
}

/**
 * Gives a parent's verifiable consent through the gateway: the `email_plus` request (202), the
 * code identity's console sender printed (`identity` runs the identity process), and the verify
 * that answers `{ consent_id, verified: true }`.
 */
export async function verifyConsent(call: GatewayCall, identity: ServiceProcesses, parent: GatewayParent): Promise<void> {
  const request = await call('POST', '/v1/parents/consent/request', { parent_user_id: parent.id, method: 'email_plus' }, parent.token);
  expect(request.status).toBe(202);
  const challenge = await consentCode(identity, parent.email);
  const verify = await call('POST', '/v1/parents/consent/verify', {
    parent_user_id: parent.id,
    method: 'email_plus',
    challenge,
    consent_request_id: request.body.consent_request_id,
  });
  expect(verify.body).toEqual({ consent_id: expect.any(String), verified: true });
}

/** Creates a 6-11 child of a consented parent through the gateway (201, fox avatar) and returns its id. */
export async function createChild(call: GatewayCall, parent: GatewayParent, displayName = 'Mika'): Promise<string> {
  const created = await call(
    'POST',
    '/v1/children/profiles',
    { parent_user_id: parent.id, display_name: displayName, age_band: '6-11', avatar: 'fox' },
    parent.token,
  );
  expect(created.status).toBe(201);
  return created.body.child_profile_id as string;
}
