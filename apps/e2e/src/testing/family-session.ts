import type { ContractValidator, ServiceProcesses } from '@mikasmissions/testing';
import { consentCode, type GatewayAnswer, type GatewayCall, gatewayCall, type Json, poll } from './gateway-client';

const PASSWORD = 'correct horse battery staple';

/** What {@link startDemoSession} leaves behind: the parent, the child and the playback session's answer. */
export interface DemoSession {
  parentId: string;
  token: string;
  childId: string;
  session: Json;
}

/** A signed-up parent with verified consent and its trial: {@link consentedParent}. */
export interface ConsentedParent {
  parentId: string;
  token: string;
  call: GatewayCall;
}

/** A bedtime window that does not include the current UTC hour (the child's default timezone is UTC). */
export function bedtimeAwayFromNow(): string {
  const hour = new Date().getUTCHours();
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${at(hour + 3)}-${at(hour + 4)}`;
}

function expectStatus(step: string, answer: GatewayAnswer, status: number): void {
  if (answer.status !== status) throw new Error(`${step}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`);
}

/**
 * Seed 000's parent steps through the gateway of a {@link ServiceProcesses} platform (identity,
 * billing and the gateway at least; AUTH_MODE=enforce): signup → login → consent with identity's
 * console code → the trial from `consent.verified`. Every answer is checked against the contract.
 */
export async function consentedParent(platform: ServiceProcesses, contract: ContractValidator): Promise<ConsentedParent> {
  const call = gatewayCall(() => platform.urls.gateway, contract);
  const email = `browser.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
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
  return { parentId, token, call };
}

/** A child of `parent` in `ageBand` (profile), with a bedtime away from now (identity's controls); returns its id. */
export async function createChild(parent: ConsentedParent, displayName: string, ageBand: string): Promise<string> {
  const { call, parentId, token } = parent;
  const created = await call(
    'POST',
    '/v1/children/profiles',
    { parent_user_id: parentId, display_name: displayName, age_band: ageBand, avatar: 'fox' },
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
  return childId;
}

/** `POST /v1/playback/sessions` for `episodeId` as the parent; throws unless 201. */
export async function startPlayback(parent: ConsentedParent, childId: string, episodeId: string): Promise<Json> {
  const session = await parent.call(
    'POST',
    '/v1/playback/sessions',
    { child_profile_id: childId, episode_id: episodeId, device_type: 'tablet' },
    parent.token,
  );
  expectStatus('playback session', session, 201);
  return session.body;
}

/**
 * Seed 000's steps up to a playback session, through the gateway of a {@link ServiceProcesses}
 * platform (identity, profile, catalog, billing, progress, playback, gateway; AUTH_MODE=enforce):
 * {@link consentedParent} → a 6-11 child with a bedtime away from now → `POST /v1/playback/sessions`
 * for `ep-demo-1`. Every answer is checked against the public contract; a step that fails throws naming it.
 *
 * @example
 * const { session } = await startDemoSession(platform, createContractValidator());
 */
export async function startDemoSession(platform: ServiceProcesses, contract: ContractValidator): Promise<DemoSession> {
  const parent = await consentedParent(platform, contract);
  const childId = await createChild(parent, 'Mika', '6-11');
  const session = await startPlayback(parent, childId, 'ep-demo-1');
  return { parentId: parent.parentId, token: parent.token, childId, session };
}
