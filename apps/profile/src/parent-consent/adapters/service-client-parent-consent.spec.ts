import type { ServiceRequest } from '@mikasmissions/service-client';
import { MemoryParentConsent } from './memory-parent-consent';
import { ServiceClientParentConsent, type ServiceCaller } from './service-client-parent-consent';

const answering = (status: number, body: unknown): ServiceCaller & { paths: string[] } => {
  const paths: string[] = [];
  const call = async (service: string, request: ServiceRequest) => (
    paths.push(`${service} ${request.method} ${request.path}`),
    { status, body }
  );
  return { paths, call: call as ServiceCaller['call'] };
};

describe('ServiceClientParentConsent', () => {
  it("asks identity's internal parent route and returns its status", async () => {
    const client = answering(200, { parent_user_id: 'p/1', status: 'active', consent_verified_at: '2026-12-01T10:00:00Z' });
    expect(await new ServiceClientParentConsent(client).statusOf('p/1')).toBe('active');
    expect(client.paths).toEqual(['identity GET /internal/parents/p%2F1']);
    expect(await new ServiceClientParentConsent(answering(200, { status: 'pending_consent' })).statusOf('p')).toBe('pending_consent');
  });

  it('takes 404 as an unknown parent', async () => {
    expect(await new ServiceClientParentConsent(answering(404, { error: { code: 'parent_not_found' } })).statusOf('p')).toBeNull();
  });

  it.each([
    [401, { error: { code: 'missing_identity' } }],
    [403, { error: { code: 'insufficient_role' } }],
    [200, { status: 'verified' }],
    [200, undefined],
  ])('answers 503 service_unavailable for any other answer (%s %j), never "no consent"', async (status, body) => {
    await expect(new ServiceClientParentConsent(answering(status, body)).statusOf('p')).rejects.toMatchObject({
      status: 503,
      code: 'service_unavailable',
      details: { service: 'identity' },
    });
  });

  it('passes the client errors (outage → 503) through', async () => {
    const down: ServiceCaller = { call: async () => Promise.reject(Object.assign(new Error('down'), { status: 503 })) };
    await expect(new ServiceClientParentConsent(down).statusOf('p')).rejects.toMatchObject({ status: 503 });
  });
});

describe('MemoryParentConsent', () => {
  it('knows a parent only once set', async () => {
    const consent = new MemoryParentConsent();
    expect(await consent.statusOf('p')).toBeNull();
    expect(await consent.set('p', 'pending_consent').statusOf('p')).toBe('pending_consent');
    expect(await consent.set('p', 'active').statusOf('p')).toBe('active');
  });
});
