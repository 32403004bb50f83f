import type { ContractValidator, ServiceProcesses } from '@mikasmissions/testing';
import { consentCode, type GatewayAnswer, gatewayCall, type Json, poll } from './gateway-client';

const PASSWORD = 'correct horse battery staple';

/** What {@link startDemoSession} leaves behind: the parent, the child and the playback session's answer. */
export interface DemoSession {
  parentId: string;
  token: string;
  childId: string;
  session: Json;
}

/** A bedtime window that does not include the current UTC hour (the child's default timezone is UTC). */
export function bedtimeAwayFromNow(): string {
  const hour = new Date().getUTCHours();
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${at(hour + 3)}-${at(hour + 4)}`;
}

/**
 * Seed 000's steps up to a playback session, through the gateway of a {@link ServiceProcesses}
 * platform (identity, profile, catalog, billing, progress, playback, gateway; AUTH_MODE=enforce):
 * signup → login → consent with identity's console code → the trial from `consent.verified` →
 * a 6-11 child with a bedtime away from now → `POST /v1/playback/sessions` for `ep-demo-1`.
 * Every answer is checked against the public contract; a step that fails throws naming it.
 *
 * @example
 * const { session } = await startDemoSession(platform, createContractValidator());
 */
export async function startDemoSession(platform: ServiceProcesses, contract: ContractValidator): Promise<DemoSession> {
  const call = gatewayCall(() => platform.urls.gateway, contract);
  function expectStatus(step: string, answer: GatewayAnswer, status: number): void {
    if (answer.status !== status) throw new Error(`${step}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
  }

  const email = `browser.${Date.now().toString(36)}@example.com`;
  const signup = await call('POST', '/v1/parents/signup', {
    email,
    password: PASSWORD,
    country: 'DE',
    language: 'de',
    marketing: false,
    accepted_terms: true,
  });
  expectStatus('signup', signup, 201);
  const parentId = signup.body.parent_user_id as string;
  const login = await call('POST', '/v1/parents/login', { email, password: PASSWORD });
  expectStatus('login', login, 200);
  const token = login.body.access_token as string;

  const request = await call('POST', '/v1/parents/consent/request', { parent_user_id: parentId, method: 'email_plus' }, token);
  expectStatus('consent request', request, 202);
  const challenge = await consentCode(platform, email);
  const verify = await call('POST', '/v1/parents/consent/verify', {
    parent_user_id: parentId,
    method: 'email_plus',
    challenge,
    consent_request_id: request.body.consent_request_id,
  });
  expectStatus('consent verify', verify, 200);
  await poll(
    'the trial from consent.verified',
    () => call('GET', `/v1/billing/entitlements?parent_user_id=${parentId}`, undefined, token),
    (r) => r.status === 200 && r.body.active === true,
  );

  const created = await call(
    'POST',
    '/v1/children/profiles',
    { parent_user_id: parentId, display_name: 'Mika', age_band: '6-11', avatar: 'fox' },
    token,
  );
  expectStatus('child profile', created, 201);
  const childId = created.body.child_profile_id as string;
  const controls = await call('GET', `/v1/parents/controls/${childId}`, undefined, token);
  expectStatus('controls read', controls, 200);
  expectStatus(
    'controls write',
    await call('PUT', `/v1/parents/controls/${childId}`, { ...controls.body.controls, bedtime_window: bedtimeAwayFromNow() }, token),
    200,
  );

  const session = await call(
    'POST',
    '/v1/playback/sessions',
    { child_profile_id: childId, episode_id: 'ep-demo-1', device_type: 'tablet' },
    token,
  );
  expectStatus('playback session', session, 201);
  return { parentId, token, childId, session: session.body };
}
