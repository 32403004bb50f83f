import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { JwtCodec } from '@mikasmissions/authx';
import { exportJWK, SignJWT } from 'jose';
import { EdgeAuthError } from './edge-auth.errors';
import { createEdgeVerifier, type EdgeClaims } from './edge-verifier';
import { startJwksServer, type JwksServer } from './testing/jwks-server';

const SECRET = 'edge-secret-that-is-long-enough-0123456789';
const b64 = (v: unknown): string => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const now = (): number => Math.floor(Date.now() / 1000);

async function outcome(promise: Promise<EdgeClaims>): Promise<string> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof EdgeAuthError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

function rsaKey(kid: string): { privateKey: KeyObject; publicKey: KeyObject; kid: string } {
  return { ...generateKeyPairSync('rsa', { modulusLength: 2048 }), kid };
}

async function jwkOf(key: { publicKey: KeyObject; kid: string }, alg = 'RS256'): Promise<Record<string, unknown>> {
  return { ...(await exportJWK(key.publicKey)), kid: key.kid, alg, use: 'sig' };
}

function signed(
  claims: Record<string, unknown>,
  alg = 'HS256',
  key: KeyObject | Uint8Array = Buffer.from(SECRET),
  kid?: string,
): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, ...(kid ? { kid } : {}) }).sign(key);
}

const hs = (claims: Record<string, unknown>): Promise<string> => signed({ sub: 'u1', exp: now() + 60, ...claims });

describe('createEdgeVerifier (HS256)', () => {
  const verifier = createEdgeVerifier({ hsSecret: SECRET });

  it('maps the claims: role, parent, child, tenant, expiry', async () => {
    const exp = now() + 60;
    await expect(
      verifier.verify(await hs({ sub: 'c1', exp, mm_role: 'Child', parent_user_id: 'p1', child_profile_id: 'kid-1', tenant: 't1' })),
    ).resolves.toEqual({
      subject: 'c1',
      role: 'child',
      parentUserId: 'p1',
      childProfileId: 'kid-1',
      tenantId: 't1',
      expiresAt: exp,
    });
    await expect(verifier.verify(await hs({ role: 'parent' }))).resolves.toMatchObject({
      parentUserId: 'u1',
      childProfileId: undefined,
      tenantId: 'default',
    });
  });

  it('refuses a setup without a key source or with a bad JWKS URL', () => {
    expect(() => createEdgeVerifier({})).toThrow(/hsSecret .* or jwksUrl/);
    expect(() => createEdgeVerifier({ jwksUrl: 'not a url' })).toThrow(/not a URL/);
    expect(() => createEdgeVerifier({ jwksUrl: 'file:///etc/jwks.json' })).toThrow(/http\(s\)/);
    expect(() => createEdgeVerifier({ hsSecret: SECRET, clockToleranceSec: -1 })).toThrow(/clockToleranceSec/);
  });

  it('rejects a non-string subject and unknown critical headers', async () => {
    expect(await outcome(verifier.verify(await signed({ sub: 42, exp: now() + 60 })))).toBe('invalid_token: token has no subject');
    const critInput = `${b64({ alg: 'HS256', crit: ['x-unknown'], 'x-unknown': 1 })}.${b64({ sub: 'u1', exp: now() + 60 })}`;
    const crit = `${critInput}.${createHmac('sha256', SECRET).update(critInput).digest('base64url')}`;
    expect(await outcome(verifier.verify(crit))).toMatch(/^invalid_token: /);
    expect(await outcome(verifier.verify(`${await hs({})}${'A'.repeat(9_000)}`))).toBe('invalid_token: token is not a JWT');
  });

  it.each([
    [
      'alg none',
      async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'u1', exp: now() + 60, mm_role: 'admin' })}.`,
      'invalid_token: token algorithm is not accepted',
    ],
    [
      'alg none with a signature',
      async () => `${b64({ alg: 'none' })}.${b64({ sub: 'u1', exp: now() + 60 })}.c2ln`,
      'invalid_token: token algorithm is not accepted',
    ],
    ['expired', () => hs({ exp: now() - 60 }), 'invalid_token: token has expired'],
    ['expired within the 5 s tolerance', () => hs({ exp: now() - 2 }), 'accepted'],
    ['no exp', () => signed({ sub: 'u1' }), 'invalid_token: token claim exp is not accepted'],
    ['no sub', () => signed({ exp: now() + 60 }), 'invalid_token: token claim sub is not accepted'],
    ['not yet valid', () => hs({ nbf: now() + 600 }), 'invalid_token: token claim nbf is not accepted'],
    ['issued in the future', () => hs({ iat: now() + 600 }), 'invalid_token: token was issued in the future'],
    [
      'another secret',
      () => signed({ sub: 'u1', exp: now() + 60 }, 'HS256', Buffer.from('another-secret-that-is-long-enough-012345')),
      'invalid_token: token signature is invalid',
    ],
    [
      'HS512 with the right secret',
      () => signed({ sub: 'u1', exp: now() + 60 }, 'HS512', Buffer.from(SECRET)),
      'invalid_token: token algorithm is not accepted',
    ],
    [
      'RS256 (no JWKS configured)',
      () => signed({ sub: 'u1', exp: now() + 60 }, 'RS256', rsaKey('k').privateKey),
      'invalid_token: token algorithm is not accepted',
    ],
    ['garbage', async () => 'not-a-jwt', 'invalid_token: token is not a JWT'],
    [
      'a tampered payload',
      async () => (await hs({ mm_role: 'parent' })).replace(/\.[^.]+\./, `.${b64({ sub: 'u1', exp: now() + 60, mm_role: 'admin' })}.`),
      'invalid_token: token signature is invalid',
    ],
  ])('%s', async (_name, make, expected) => {
    expect(await outcome(verifier.verify(await make()))).toBe(expected);
  });

  it('checks iss and aud when set', async () => {
    const strict = createEdgeVerifier({ hsSecret: SECRET, issuer: 'identity', audience: 'mikasmissions' });
    expect(await outcome(strict.verify(await hs({ iss: 'identity', aud: 'mikasmissions' })))).toBe('accepted');
    expect(await outcome(strict.verify(await hs({ iss: 'evil', aud: 'mikasmissions' })))).toBe(
      'invalid_token: token claim iss is not accepted',
    );
    expect(await outcome(strict.verify(await hs({ iss: 'identity', aud: 'other' })))).toBe(
      'invalid_token: token claim aud is not accepted',
    );
    expect(await outcome(strict.verify(await hs({})))).toBe('invalid_token: token claim iss is not accepted');
  });

  it('verifies identity tokens (libs/authx JwtCodec) and takes the edge role from `roles`', async () => {
    const codec = new JwtCodec({ kind: 'secret', secret: SECRET }, { issuer: 'identity', audience: 'mikasmissions' });
    const strict = createEdgeVerifier({ hsSecret: SECRET, issuer: 'identity', audience: 'mikasmissions' });
    const token = await codec.sign({ sub: 'p1', tenant: 't1', roles: ['user', 'parent'], sid: 's1', jti: 'j1' }, 900);
    await expect(strict.verify(token)).resolves.toMatchObject({ subject: 'p1', role: 'parent', parentUserId: 'p1', tenantId: 't1' });
  });
});

describe('createEdgeVerifier (JWKS)', () => {
  let jwks: JwksServer;
  const first = rsaKey('k1');
  const second = rsaKey('k2');
  const rs = (key: { privateKey: KeyObject; kid: string }, claims: Record<string, unknown> = {}): Promise<string> =>
    signed({ sub: 'u1', exp: now() + 60, ...claims }, 'RS256', key.privateKey, key.kid);

  beforeAll(async () => {
    jwks = await startJwksServer([await jwkOf(first)]);
  });
  afterAll(() => jwks.close());

  it('rejects HS/RS confusion: the RS256 public key used as the HS256 secret', async () => {
    const publicPem = first.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const forged = `${b64({ alg: 'HS256', kid: 'k1' })}.${b64({ sub: 'u1', exp: now() + 60, mm_role: 'admin' })}`;
    const token = `${forged}.${createHmac('sha256', publicPem).update(forged).digest('base64url')}`;
    expect(await outcome(createEdgeVerifier({ jwksUrl: jwks.url }).verify(token))).toBe('invalid_token: token algorithm is not accepted');
    expect(await outcome(createEdgeVerifier({ jwksUrl: jwks.url, hsSecret: SECRET }).verify(token))).toBe(
      'invalid_token: token signature is invalid',
    );
    const jwkJson = JSON.stringify(await jwkOf(first));
    const viaJwk = `${forged}.${createHmac('sha256', jwkJson).update(forged).digest('base64url')}`;
    expect(await outcome(createEdgeVerifier({ jwksUrl: jwks.url, hsSecret: SECRET }).verify(viaJwk))).toBe(
      'invalid_token: token signature is invalid',
    );
  });

  it('rejects alg none and HS256 when only a JWKS is configured', async () => {
    const verifier = createEdgeVerifier({ jwksUrl: jwks.url });
    expect(await outcome(verifier.verify(`${b64({ alg: 'none' })}.${b64({ sub: 'u1', exp: now() + 60 })}.`))).toBe(
      'invalid_token: token algorithm is not accepted',
    );
    expect(await outcome(verifier.verify(await hs({})))).toBe('invalid_token: token algorithm is not accepted');
  });

  it('refetches the JWKS for an unknown kid, at most once per cooldown; keeps a removed key while cached', async () => {
    jwks.serve([await jwkOf(first)]);
    const verifier = createEdgeVerifier({ jwksUrl: jwks.url, jwksCooldownMs: 400 });
    const before = jwks.fetches;
    expect(await outcome(verifier.verify(await rs(first, { mm_role: 'parent' })))).toBe('accepted');
    expect(jwks.fetches - before).toBe(1);

    jwks.serve([await jwkOf(first), await jwkOf(second)]);
    expect(await outcome(verifier.verify(await rs(second)))).toBe('invalid_token: token was signed by an unknown key');
    expect(jwks.fetches - before).toBe(1);

    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await outcome(verifier.verify(await rs(second)))).toBe('accepted');
    expect(jwks.fetches - before).toBe(2);
    expect(await outcome(verifier.verify(await rs(rsaKey('k3'))))).toBe('invalid_token: token was signed by an unknown key');
    expect(await outcome(verifier.verify(await rs(rsaKey('k4'))))).toBe('invalid_token: token was signed by an unknown key');
    expect(jwks.fetches - before).toBe(2);

    jwks.serve([await jwkOf(second)]);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await outcome(verifier.verify(await rs(first)))).toBe('accepted');
    expect(jwks.fetches - before).toBe(2);
  });

  it('drops a removed key once the cached JWKS is older than jwksCacheMaxAgeMs', async () => {
    jwks.serve([await jwkOf(first)]);
    const verifier = createEdgeVerifier({ jwksUrl: jwks.url, jwksCooldownMs: 100, jwksCacheMaxAgeMs: 300 });
    expect(await outcome(verifier.verify(await rs(first)))).toBe('accepted');
    jwks.serve([await jwkOf(second)]);
    expect(await outcome(verifier.verify(await rs(first)))).toBe('accepted');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await outcome(verifier.verify(await rs(first)))).toBe('invalid_token: token was signed by an unknown key');
    expect(await outcome(verifier.verify(await rs(second)))).toBe('accepted');
  });

  it('verifies EdDSA and ES256 keys and identity RS256 tokens from the JWKS', async () => {
    const ed = { ...generateKeyPairSync('ed25519'), kid: 'ed1' };
    const es = { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }), kid: 'es1' };
    const rsaPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const codec = new JwtCodec({
      kind: 'pem',
      privateKeyPem: rsaPair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      publicKeyPem: rsaPair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    jwks.serve([await jwkOf(ed, 'EdDSA'), await jwkOf(es, 'ES256'), ...(await codec.jwks()).keys]);
    const verifier = createEdgeVerifier({ jwksUrl: jwks.url, jwksCooldownMs: 0 });
    const claims = { sub: 'u1', exp: now() + 60, app_metadata: { role: 'admin' } };
    await expect(verifier.verify(await signed(claims, 'EdDSA', ed.privateKey, ed.kid))).resolves.toMatchObject({ role: 'admin' });
    await expect(verifier.verify(await signed(claims, 'ES256', es.privateKey, es.kid))).resolves.toMatchObject({ role: 'admin' });
    const identity = await codec.sign({ sub: 'a1', tenant: 'default', roles: ['admin'], sid: 's', jti: 'j' }, 60);
    await expect(verifier.verify(identity)).resolves.toMatchObject({ subject: 'a1', role: 'admin' });
  });

  it('reports an unreachable JWKS as invalid_token', async () => {
    const verifier = createEdgeVerifier({ jwksUrl: 'http://127.0.0.1:1/jwks.json' });
    expect(await outcome(verifier.verify(await rs(first)))).toMatch(/^invalid_token: /);
  });
});
