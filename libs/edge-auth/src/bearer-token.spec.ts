import { bearerToken } from './bearer-token';
import { EdgeAuthError } from './edge-auth.errors';
import { bucketFor, DEFAULT_BUCKETS } from './rate-buckets';

describe('bearerToken', () => {
  it('reads Bearer tokens and treats an absent header as none', () => {
    expect(bearerToken('Bearer a.b.c')).toBe('a.b.c');
    expect(bearerToken('bearer   a.b.c ')).toBe('a.b.c');
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('  ')).toBeUndefined();
  });

  it.each(['Basic dTpw', 'Bearer', 'Bearer ', 'Bearer a b', 'a.b.c', 'Bearer a.b.c, Bearer d'])('throws invalid_token for %j', (header) => {
    expect(() => bearerToken(header)).toThrow(EdgeAuthError);
    expect(() => bearerToken(header)).toThrow(expect.objectContaining({ code: 'invalid_token' }));
  });
});

describe('bucketFor', () => {
  it.each([
    '/v1/parents/signup',
    '/v1/parents/login',
    '/v1/admin/login',
    '/v1/parents/consent/request',
    '/v1/parents/consent/verify',
    '/v1/parents/gates/challenge',
    '/v1/parents/gates/verify',
    '/v1/parents/otp/send',
    '/v1/parents/login/',
    '//v1//parents//login',
    '/V1/Parents/LOGIN',
    '/v1/parents/%6Cogin',
    '/v1/parents/login?x=1',
  ])('%s → strict', (path) => {
    expect(bucketFor(path)).toBe(DEFAULT_BUCKETS.strict);
  });

  it.each(['/v1/catalog/episodes/e1', '/v1/children/profiles', '/health', '/v1/catalog/episodes/e1?next=/login'])(
    '%s → default',
    (path) => {
      expect(bucketFor(path)).toBe(DEFAULT_BUCKETS.default);
    },
  );
});
