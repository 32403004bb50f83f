import type { AccessTokenClaims } from './jwt-codec';
import { VerifiedTokenCache } from './verified-token.cache';

const claims = (exp: number): AccessTokenClaims => ({
  sub: 'u1',
  tenant: 'default',
  roles: ['user'],
  sid: 's1',
  iat: 0,
  nbf: 0,
  exp,
  jti: 'j1',
});

describe('VerifiedTokenCache', () => {
  it('returns kept claims until their exp, then forgets them', () => {
    const cache = new VerifiedTokenCache();
    cache.put('t', claims(100));
    expect(cache.get('t', 99_999)).toMatchObject({ sub: 'u1' });
    expect(cache.get('t', 100_000)).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps a frozen copy, so no caller can change what the next request sees', () => {
    const cache = new VerifiedTokenCache();
    const original = claims(100);
    const kept = cache.put('t', original);
    original.roles.push('admin');
    expect(kept.roles).toEqual(['user']);
    expect(Object.isFrozen(kept) && Object.isFrozen(kept.roles)).toBe(true);
  });

  it('is bounded: the least recently used token goes first', () => {
    const cache = new VerifiedTokenCache(2);
    cache.put('a', claims(100));
    cache.put('b', claims(100));
    cache.get('a', 0);
    cache.put('c', claims(100));
    expect([cache.get('a', 0), cache.get('b', 0), cache.get('c', 0)].map(Boolean)).toEqual([true, false, true]);
  });

  it('rejects a capacity that is not a positive integer at construction', () => {
    expect(() => new VerifiedTokenCache(0)).toThrow(/capacity/);
  });
});
