import { SignJWT } from 'jose';
import { cacheVerifiedTokens } from './cached-verifier';
import { createEdgeVerifier } from './edge-verifier';
import type { EdgeVerifier } from './edge-verifier';

const SECRET = 'cached-verifier-secret-that-is-long-enough-01';
const sign = (claims: Record<string, unknown>, secret = SECRET) =>
  new SignJWT({ sub: 'p1', mm_role: 'parent', ...claims }).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

/** The real verifier, counting how often it is asked. */
function counting(): EdgeVerifier & { calls: number } {
  const real = createEdgeVerifier({ hsSecret: SECRET });
  const counted = { calls: 0, verify: (token: string) => (counted.calls++, real.verify(token)) };
  return counted;
}

describe('cacheVerifiedTokens', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => {
    clock = Date.now();
  });

  it('verifies a repeated token once within maxAgeMs, then again after it', async () => {
    const inner = counting();
    const verifier = cacheVerifiedTokens(inner, { maxAgeMs: 1_000, now });
    const token = await sign({ exp: Math.floor(clock / 1000) + 600 });
    const first = await verifier.verify(token);
    expect(await verifier.verify(token)).toEqual(first);
    expect(inner.calls).toBe(1);
    clock += 1_001;
    await verifier.verify(token);
    expect(inner.calls).toBe(2);
  });

  it('never serves a cached token past its exp', async () => {
    const inner = counting();
    const verifier = cacheVerifiedTokens(inner, { maxAgeMs: 60_000, now });
    const exp = Math.floor(clock / 1000) + 5;
    const token = await sign({ exp });
    await verifier.verify(token);
    clock = exp * 1000 - 1;
    await verifier.verify(token);
    expect(inner.calls).toBe(1);
    clock = exp * 1000;
    await verifier.verify(token); // the real clock is still before exp, so the signature check passes again
    expect(inner.calls).toBe(2);
  });

  it('does not cache failures, and keeps tokens apart', async () => {
    const inner = counting();
    const verifier = cacheVerifiedTokens(inner, { now });
    const bad = await sign({ exp: Math.floor(clock / 1000) + 600 }, 'another-secret-that-is-long-enough-0123456');
    await expect(verifier.verify(bad)).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(verifier.verify(bad)).rejects.toMatchObject({ code: 'invalid_token' });
    expect(inner.calls).toBe(2);
    const child = await sign({ sub: 'c1', mm_role: 'child', child_profile_id: 'c1', exp: Math.floor(clock / 1000) + 600 });
    const parent = await sign({ exp: Math.floor(clock / 1000) + 600 });
    expect((await verifier.verify(child)).role).toBe('child');
    expect((await verifier.verify(parent)).role).toBe('parent');
  });
});
