import { createContractValidator } from '@mikasmissions/testing';
import { adminFallback } from '../src/components/admin/admin-fixtures';

const WORKFLOW_INPUT = {
  name: 'W',
  description: '',
  content_suitability: 'core',
  age_band: '6-11',
  steps: ['script'],
  model_profile_id: 'nim-default',
  safety_profile: 'strict',
};
const PROFILE_INPUT = {
  provider: 'nvidia_nim',
  base_url: 'http://nim.local',
  model_id: 'm',
  timeout_ms: 1000,
  max_retries: 1,
  safety_preset: 'strict',
};

/** Every admin operation the admin pages call, as fallback mode answers it (NEXT_PUBLIC_USE_API_FALLBACKS=true). */
const CALLS: Array<[method: string, path: string, body: Record<string, unknown>]> = [
  ['POST', '/v1/admin/login', { email: 'a@b.c', password: 'x' }],
  ['GET', '/v1/admin/workflows', {}],
  ['POST', '/v1/admin/workflows', WORKFLOW_INPUT],
  ['PUT', '/v1/admin/workflows/wf-1', WORKFLOW_INPUT],
  ['DELETE', '/v1/admin/workflows/wf-1', {}],
  ['POST', '/v1/admin/workflows/wf-1/runs', { input_payload: { prompt: 'p' } }],
  ['GET', '/v1/admin/runs/run-1', {}],
  ['GET', '/v1/admin/runs/run-1/logs', {}],
  ['POST', '/v1/admin/runs/run-1/cancel', {}],
  ['POST', '/v1/admin/runs/run-1/retry', {}],
  ['GET', '/v1/admin/model-profiles/nim-default', {}],
  ['PUT', '/v1/admin/model-profiles/nim-default', PROFILE_INPUT],
  ['GET', '/v1/admin/moderation/queue', {}],
  ['POST', '/v1/admin/moderation/queue/asset-1/approve', {}],
  ['POST', '/v1/admin/moderation/queue/asset-1/reject', { reason: 'poor_quality', message: 'blurry' }],
];

describe('admin fallback fixtures (src/components/admin/admin-fixtures.ts)', () => {
  const contract = createContractValidator();

  it.each(CALLS)('%s %s is answered within the contract', (method, path, body) => {
    const answer = adminFallback(method, path, body);
    expect(answer).toBeDefined();
    const verdict = contract.check({ method, path, status: answer!.status, body: answer!.body });
    expect(verdict.ok ? [] : verdict.errors).toEqual([]);
  });

  it('leaves every other route to the family and kids fixtures', () => {
    expect(adminFallback('GET', '/v1/parents/dashboard', {})).toBeUndefined();
    expect(adminFallback('GET', '/v1/admin/moderation/audit', {})).toBeUndefined();
  });

  it('answers a rejection with the reason the admin picked, and an approval as approved', () => {
    const rejected = adminFallback('POST', '/v1/admin/moderation/queue/asset-9/reject', { reason: 'poor_quality' });
    expect(rejected?.body).toMatchObject({ asset_id: 'asset-9', status: 'rejected', reason: 'poor_quality' });
    expect(adminFallback('POST', '/v1/admin/moderation/queue/asset-9/approve', {})?.body).toMatchObject({ status: 'approved' });
  });
});
