import { IDENTITY_HEADERS, signIdentity, verifyIdentity, type EdgeIdentity } from './identity-headers';

const KEY = 'edge-identity-test-key-0123456789abcdef';
const request = { method: 'GET', path: '/v1/children/profiles' };
const parent: EdgeIdentity = { role: 'parent', tenantId: 'default', requestId: 'req-1', parentUserId: 'p1', subject: 'p1' };
const SKEW = 30_000;

describe('identity headers', () => {
  it('verifies what the gateway signed, for that request', () => {
    const headers = signIdentity(parent, request, KEY, 1_000_000);
    expect(verifyIdentity(headers, request, KEY, SKEW, 1_000_500)).toEqual({ ok: true, identity: parent });
  });

  it('refuses a forged value, another key, another route and an old timestamp', () => {
    const headers = signIdentity(parent, request, KEY, 1_000_000);
    expect(verifyIdentity({ ...headers, [IDENTITY_HEADERS.role]: 'admin' }, request, KEY, SKEW, 1_000_000)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
    expect(verifyIdentity({ ...headers, [IDENTITY_HEADERS.parentUserId]: 'p2' }, request, KEY, SKEW, 1_000_000)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
    expect(verifyIdentity(headers, request, `${KEY}x`, SKEW, 1_000_000)).toEqual({ ok: false, problem: 'bad_signature' });
    expect(verifyIdentity(headers, { method: 'POST', path: request.path }, KEY, SKEW, 1_000_000)).toEqual({
      ok: false,
      problem: 'bad_signature',
    });
    expect(verifyIdentity(headers, request, KEY, SKEW, 1_000_000 + SKEW + 1)).toEqual({ ok: false, problem: 'expired' });
  });

  it('tells a request without identity from a malformed one', () => {
    expect(verifyIdentity({}, request, KEY, SKEW)).toEqual({ ok: false, problem: 'missing' });
    expect(verifyIdentity({ [IDENTITY_HEADERS.role]: 'parent' }, request, KEY, SKEW)).toEqual({ ok: false, problem: 'malformed' });
    const headers = signIdentity(parent, request, KEY);
    expect(verifyIdentity({ ...headers, [IDENTITY_HEADERS.role]: 'root' }, request, KEY, SKEW)).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });
});
