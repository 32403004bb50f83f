import { IDENTITY_HEADERS } from '@mikasmissions/service-identity';
import { type ServiceProcesses, startServices, testEnv } from '@mikasmissions/testing';

/** The gateway and identity as real processes on loopback, AUTH_MODE=enforce. */
describe('gateway → identity as real processes', () => {
  let platform: ServiceProcesses;

  beforeAll(async () => {
    platform = await startServices(['identity', 'gateway'], testEnv('memory', { AUTH_MODE: 'enforce', LOG_LEVEL: 'warn' }));
  }, 90_000);
  afterAll(async () => {
    await platform?.stop();
  });

  it('answers /healthz and proxies the JWKS of identity through the gateway', async () => {
    expect((await fetch(`${platform.urls.gateway}/healthz`)).status).toBe(200);
    const jwks = await fetch(`${platform.urls.gateway}/v1/.well-known/jwks.json`);
    expect(jwks.status).toBe(200);
    expect(((await jwks.json()) as { keys: unknown[] }).keys).toEqual(expect.any(Array));
  });

  it('refuses forged identity headers sent straight at the service', async () => {
    const forged = {
      [IDENTITY_HEADERS.role]: 'service',
      [IDENTITY_HEADERS.tenantId]: 'default',
      [IDENTITY_HEADERS.timestamp]: String(Date.now()),
      [IDENTITY_HEADERS.signature]: 'forged',
    };
    const res = await fetch(`${platform.urls.identity}/v1/me`, { headers: forged });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_identity');
  });
});
