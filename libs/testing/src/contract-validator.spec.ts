import { createContractValidator } from './contract-validator';

describe('createContractValidator', () => {
  const contract = createContractValidator();
  const error = (code: string) => ({ error: { code, message: 'm', requestId: 'req-1' } });

  it('accepts answers that are in the spec, by concrete path or template', () => {
    expect(
      contract.check({
        method: 'POST',
        path: '/v1/parents/signup',
        status: 201,
        body: { parent_user_id: 'p-1', status: 'pending_consent' },
      }),
    ).toEqual({ ok: true, operationId: 'parentSignup' });
    expect(
      contract.check({ method: 'get', path: '/v1/kids/home?child_profile_id=c-1&mode=core', status: 403, body: error('mode_not_allowed') })
        .ok,
    ).toBe(true);
    expect(contract.check({ method: 'DELETE', path: '/v1/admin/workflows/{workflow_id}', status: 204 }).ok).toBe(true);
    expect(contract.assert({ method: 'GET', path: '/v1/catalog/episodes/ep-demo-1', status: 404, body: error('episode_not_found') })).toBe(
      'getEpisode',
    );
  });

  it('matches a literal path before a template', () => {
    expect(contract.check({ method: 'GET', path: '/v1/admin/runs/run-1/logs', status: 200, body: { run_id: 'run-1', logs: [] } })).toEqual({
      ok: true,
      operationId: 'getRunLogs',
    });
  });

  it.each([
    ['an unknown operation', { method: 'GET', path: '/v1/nope', status: 200, body: {} }, /not an operation/],
    ['an unlisted status', { method: 'POST', path: '/v1/parents/signup', status: 200, body: {} }, /status 200 is not listed/],
    [
      'a body off the schema',
      { method: 'POST', path: '/v1/parents/signup', status: 201, body: { parent_user_id: 'p', status: 'active', extra: 1 } },
      /must NOT have additional properties|must be equal to one of/,
    ],
    [
      'a wrong enum',
      { method: 'POST', path: '/v1/children/profiles', status: 201, body: { child_profile_id: 'c', safe_defaults: false } },
      /must be equal to constant/,
    ],
    [
      'an error code of another route',
      { method: 'POST', path: '/v1/parents/signup', status: 404, body: error('episode_not_found') },
      /status 404 is not listed/,
    ],
    [
      'an error code not allowed for this status',
      { method: 'POST', path: '/v1/parents/signup', status: 400, body: error('email_taken') },
      /"email_taken" is not allowed/,
    ],
    [
      'an upper-case code',
      { method: 'GET', path: '/v1/catalog/episodes/e', status: 400, body: error('VALIDATION_FAILED') },
      /must match pattern/,
    ],
    [
      'an error without requestId',
      { method: 'GET', path: '/v1/catalog/episodes/e', status: 404, body: { error: { code: 'episode_not_found', message: 'm' } } },
      /requestId/,
    ],
    ['a body on a 204', { method: 'DELETE', path: '/v1/admin/workflows/w', status: 204, body: { deleted: true } }, /has no body/],
  ])('rejects %s', (_name, answer, reason) => {
    const verdict = contract.check(answer);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? [] : verdict.errors.join('\n')).toMatch(reason);
    expect(() => contract.assert(answer)).toThrow(/not in the v1 contract/);
  });
});
