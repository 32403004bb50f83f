import { policyFor, V1_POLICY, type PolicyRule } from './route-policy';

const PARENT = ['parent', 'service'];
const FAMILY = ['parent', 'child', 'service'];
const ADMIN = ['admin', 'service'];

/** Issue 10's operations table with its role table, written out independently of V1_POLICY. */
const OPERATIONS: [string, string, readonly string[] | 'public'][] = [
  ['POST', '/v1/parents/signup', 'public'],
  ['POST', '/v1/parents/login', 'public'],
  ['POST', '/v1/parents/login/otp/request', 'public'],
  ['POST', '/v1/parents/login/otp/verify', 'public'],
  ['POST', '/v1/parents/consent/request', PARENT],
  ['POST', '/v1/parents/consent/verify', 'public'],
  ['GET', '/v1/parents/dashboard?parent_user_id=p1', PARENT],
  ['GET', '/v1/parents/controls/c1', PARENT],
  ['PUT', '/v1/parents/controls/c1', PARENT],
  ['POST', '/v1/parents/gates/challenge', PARENT],
  ['POST', '/v1/parents/gates/verify', PARENT],
  ['PUT', '/v1/parents/pin', ['parent']],
  ['GET', '/v1/parents/notifications/preferences', ['parent']],
  ['PUT', '/v1/parents/notifications/preferences', ['parent']],
  ['POST', '/v1/children/profiles/c1/session', ['parent']],
  ['DELETE', '/v1/children/profiles/c1/session', PARENT],
  ['GET', '/v1/children/profiles', PARENT],
  ['POST', '/v1/children/profiles', PARENT],
  ['GET', '/v1/home/rails?child_profile_id=c1', FAMILY],
  ['GET', '/v1/kids/home?child_profile_id=c1&mode=early', FAMILY],
  ['GET', '/v1/kids/progress/c1', FAMILY],
  ['GET', '/v1/catalog/episodes/e1', FAMILY],
  ['POST', '/v1/playback/sessions', FAMILY],
  ['POST', '/v1/playback/sessions/s1/heartbeat', FAMILY],
  ['GET', '/v1/playback/streams/s1/index.m3u8?exp=1&sig=x', 'public'],
  ['GET', '/v1/playback/media/episodes/e1/thumb.jpg', 'public'],
  ['POST', '/v1/progress/watch-events', FAMILY],
  ['GET', '/v1/billing/entitlements?parent_user_id=p1&child_profile_id=c1', PARENT],
  ['POST', '/v1/creator/assets', ['service', 'creator']],
  ['POST', '/v1/creator/assets/upload', ['service', 'creator']],
  ['GET', '/v1/creator/assets/a1', ['service', 'creator']],
  ['POST', '/v1/admin/login', 'public'],
  ['GET', '/v1/admin/workflows', ADMIN],
  ['POST', '/v1/admin/workflows', ADMIN],
  ['PUT', '/v1/admin/workflows/w1', ADMIN],
  ['DELETE', '/v1/admin/workflows/w1', ADMIN],
  ['POST', '/v1/admin/workflows/w1/runs', ADMIN],
  ['GET', '/v1/admin/runs/r1', ADMIN],
  ['GET', '/v1/admin/runs/r1/logs', ADMIN],
  ['POST', '/v1/admin/runs/r1/retry', ADMIN],
  ['POST', '/v1/admin/runs/r1/cancel', ADMIN],
  ['GET', '/v1/admin/model-profiles/m1', ADMIN],
  ['PUT', '/v1/admin/model-profiles/m1', ADMIN],
  ['GET', '/v1/admin/audit', ADMIN],
  ['GET', '/v1/admin/moderation/queue?limit=5', ADMIN],
  ['POST', '/v1/admin/moderation/queue/a1/approve', ADMIN],
  ['POST', '/v1/admin/moderation/queue/a1/reject', ADMIN],
  ['GET', '/v1/admin/moderation/audit', ADMIN],
  ['GET', '/health', 'public'],
  ['GET', '/ready', 'public'],
  ['GET', '/healthz', 'public'],
];

/** A concrete request for a rule: `{param}` → `x1`, `*` → two segments. */
const sample = (rule: PolicyRule): [string, string] => [
  rule.method === '*' ? 'PATCH' : rule.method,
  rule.path.replace(/\{[^}]+\}/g, 'x1').replace(/\*$/, 'new/op'),
];

describe('policyFor', () => {
  it.each(OPERATIONS)('%s %s → %j', (method, path, roles) => {
    expect(policyFor(method, path)?.roles).toEqual(roles);
  });

  it.each(V1_POLICY.map((rule) => [rule.method, rule.path, rule] as const))('the rule %s %s is reachable', (_m, _p, rule) => {
    const [method, path] = sample(rule);
    expect(policyFor(method, path)).toBe(rule);
  });

  it('covers every operation with an explicit rule, not only a fallback', () => {
    for (const [method, path] of OPERATIONS) expect(policyFor(method, path)?.method).toBe(method);
  });

  it('makes public only the public operations', () => {
    const publicRules = V1_POLICY.filter((r) => r.roles === 'public').map((r) => `${r.method} ${r.path}`);
    expect(publicRules).toEqual([
      'POST /v1/parents/signup',
      'POST /v1/parents/login',
      'POST /v1/parents/login/otp/request',
      'POST /v1/parents/login/otp/verify',
      'POST /v1/parents/consent/verify',
      'GET /v1/playback/streams/{session_id}/{file}',
      'GET /v1/playback/media/episodes/{episode_id}/{file}',
      'GET /v1/playback/streams/{session_id}/{rendition}/{file}',
      'POST /v1/admin/login',
      'GET /health',
      'GET /ready',
      'GET /healthz',
    ]);
  });

  it('gives unknown operations of an area its roles, never public', () => {
    expect(policyFor('GET', '/v1/parents/signup')?.roles).toEqual(PARENT);
    expect(policyFor('POST', '/v1/billing/subscriptions')?.roles).toEqual(PARENT);
    expect(policyFor('POST', '/v1/playback/sessions/s1/heartbeat')?.roles).toEqual(FAMILY);
    expect(policyFor('GET', '/v1/admin/login')?.roles).toEqual(ADMIN);
    expect(policyFor('POST', '/v1/admin/login/extra')?.roles).toEqual(ADMIN);
  });

  it('normalises method case, HEAD, a trailing slash, the query and percent-encoding', () => {
    expect(policyFor('post', '/v1/admin/login')?.roles).toBe('public');
    expect(policyFor('HEAD', '/v1/catalog/episodes/e1')?.roles).toEqual(FAMILY);
    expect(policyFor('POST', '/v1/admin/login/')?.roles).toBe('public');
    expect(policyFor('POST', '/v1/admin/login?x=/v1/admin/workflows')?.roles).toBe('public');
    expect(policyFor('GET', '/v1/%61dmin/workflows')?.roles).toEqual(ADMIN);
  });

  it('has no rule for unknown areas or non-canonical paths', () => {
    expect(policyFor('GET', '/v2/catalog/episodes/e1')).toBeUndefined();
    expect(policyFor('GET', '/internal/users')).toBeUndefined();
    expect(policyFor('GET', '/v1')).toBeUndefined();
    expect(policyFor('GET', '/v1/catalog')).toBeUndefined();
    expect(policyFor('OPTIONS', '/v1/parents/login')?.roles).toEqual(PARENT);
    for (const path of [
      '/v1/parents/login/../../admin/workflows',
      '/v1/admin//workflows',
      '/v1/admin/./workflows',
      '/v1/parents/login%2f..%2f..%2fadmin',
      '/v1/admin/%E0%A4%A',
      'v1/parents/login',
      '',
    ]) {
      expect(policyFor('POST', path)).toBeUndefined();
    }
  });

  it('takes custom rules, first match first', () => {
    const rules: PolicyRule[] = [
      { method: 'GET', path: '/a/:id', roles: ['x'] },
      { method: '*', path: '/a/*', roles: 'public' },
    ];
    expect(policyFor('GET', '/a/1', rules)?.roles).toEqual(['x']);
    expect(policyFor('GET', '/a/1/2', rules)?.roles).toBe('public');
    expect(policyFor('GET', '/a', rules)).toBeUndefined();
  });
});
