import { type ServiceProcesses, createContractValidator, startServices, testEnv } from '@mikasmissions/testing';
import { consentCode, gatewayCall } from './testing/gateway-client';

const contract = createContractValidator();

/** Seed 000's parent flow through the gateway to identity, both real processes (memory mode, AUTH_MODE=enforce); nothing secret reaches their logs. */
describe('parents through the gateway: signup → login → consent', () => {
  let platform: ServiceProcesses;

  beforeAll(async () => {
    platform = await startServices(
      ['identity', 'gateway'],
      testEnv('memory', { AUTH_MODE: 'enforce', LOG_LEVEL: 'info', AUTHX_TRUST_PROXY: 'true' }),
    );
  }, 90_000);
  afterAll(async () => {
    await platform?.stop();
  });

  const call = gatewayCall(() => platform.urls.gateway, contract);

  async function signUpAndLogIn(label: string) {
    const email = `${label}.${Date.now().toString(36)}@example.com`;
    const signup = await call('POST', '/v1/parents/signup', {
      email,
      password: 'correct horse battery staple',
      country: 'FR',
      language: 'fr',
      accepted_terms: true,
    });
    expect(signup.status).toBe(201);
    const login = await call('POST', '/v1/parents/login', { email, password: 'correct horse battery staple' });
    expect(login.status).toBe(200);
    return {
      email,
      id: signup.body.parent_user_id as string,
      token: login.body.access_token as string,
      refresh: login.body.refresh_token as string,
    };
  }

  it('verifies consent with the code the console sender printed, with the parent token scoped to itself', async () => {
    const parent = await signUpAndLogIn('flow');
    const other = await signUpAndLogIn('other');
    const mismatch = await call('POST', '/v1/parents/consent/request', { parent_user_id: parent.id, method: 'email_plus' }, other.token);
    expect([mismatch.status, mismatch.body.error.code]).toEqual([403, 'parent_mismatch']);

    const request = await call('POST', '/v1/parents/consent/request', { parent_user_id: parent.id, method: 'email_plus' }, parent.token);
    expect(request.status).toBe(202);
    const code = await consentCode(platform, parent.email);
    expect(code).toMatch(/^\d{6}$/);
    const verified = await call('POST', '/v1/parents/consent/verify', {
      parent_user_id: parent.id,
      method: 'email_plus',
      challenge: code,
      consent_request_id: request.body.consent_request_id,
    });
    expect(verified.body).toEqual({ consent_id: expect.any(String), verified: true });

    const noToken = await call('POST', '/v1/parents/consent/request', { parent_user_id: parent.id, method: 'email_plus' });
    expect(noToken.status).toBe(401);

    const logs = `${platform.output('identity')}\n${platform.output('gateway')}`;
    expect(logs).toContain('request completed');
    for (const secret of ['correct horse battery staple', parent.token, parent.refresh, other.token]) expect(logs).not.toContain(secret);
    const codeAlone = new RegExp(`(?<![0-9])${code}(?![0-9])`);
    expect(
      logs
        .split('\n')
        .filter((line) => codeAlone.test(line))
        .every((line) => line.startsWith('[authx:console-sender]')),
    ).toBe(true);
  });
});
