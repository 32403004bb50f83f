import { SignJWT } from 'jose';

/** The HS256 key gateway tests share with the tokens they mint. */
export const TEST_SECRET = 'gateway-test-secret-that-is-long-enough-0123';
/** The identity-signing key of gateway tests. */
export const TEST_IDENTITY_KEY = 'gateway-test-identity-key-long-enough-0123456';

const now = () => Math.floor(Date.now() / 1000);

/** An HS256 token for `role` (claims override the defaults: `sub`, `exp` in 5 min). */
export function tokenFor(role: string, claims: Record<string, unknown> = {}, secret = TEST_SECRET): Promise<string> {
  const payload: Record<string, unknown> = { sub: `${role}-1`, mm_role: role, exp: now() + 300, iat: now(), ...claims };
  if (role === 'child') payload.child_profile_id ??= 'child-1';
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));
}
