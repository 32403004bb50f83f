import { createHmac, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { JwtCodec } from './jwt-codec';

const claims = { sub: 'u1', tenant: 'default', roles: ['user'], sid: 's1', jti: 'j1' };
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const codeOf = async (fn: () => Promise<unknown>): Promise<string> => {
  try {
    await fn();
  } catch (error) {
    return `${(error as { status?: number }).status} ${(error as { code?: string }).code}`;
  }
  return 'accepted';
};

function pemPair(type: 'rsa' | 'ed25519') {
  const { privateKey, publicKey } = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ed25519');
  return {
    kind: 'pem' as const,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

describe('JwtCodec', () => {
  const secret = { kind: 'secret' as const, secret: 'a-secret-that-is-long-enough-0123456789' };
  const hs = new JwtCodec(secret, { issuer: 'identity', audience: 'mikasmissions' });
  const rsaKeys = pemPair('rsa');
  const rs = new JwtCodec(rsaKeys);

  it.each([
    ['HS256', hs],
    ['RS256', rs],
    ['EdDSA', new JwtCodec(pemPair('ed25519'))],
  ])('signs and verifies %s with a kid', async (alg, codec) => {
    const token = await codec.sign(claims, 900);
    expect(JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString())).toEqual({ alg, typ: 'JWT', kid: codec.kid });
    expect(await codec.verify(token)).toMatchObject({ ...claims, exp: expect.any(Number) });
  });

  it('publishes a JWKS only for key pairs', async () => {
    expect(await hs.jwks()).toEqual({ keys: [] });
    expect((await rs.jwks()).keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: rs.kid, n: expect.any(String) });
    expect(JSON.stringify(await rs.jwks())).not.toContain('"d"');
  });

  it('rejects alg none', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, exp: 9_999_999_999 })}.`;
    expect(await codeOf(() => hs.verify(token))).toBe('401 token_invalid');
    expect(await codeOf(() => rs.verify(token))).toBe('401 token_invalid');
  });

  it('rejects HS256 signed with the RSA public key (algorithm confusion)', async () => {
    const head = b64({ alg: 'HS256', typ: 'JWT', kid: rs.kid });
    const body = b64({ ...claims, iat: 1, nbf: 1, exp: 9_999_999_999 });
    const sig = createHmac('sha256', rsaKeys.publicKeyPem).update(`${head}.${body}`).digest('base64url');
    expect(await codeOf(() => rs.verify(`${head}.${body}.${sig}`))).toBe('401 token_invalid');
  });

  it('rejects an RS256 token on an HS256 verifier and a foreign key', async () => {
    const other = pemPair('rsa');
    const head = b64({ alg: 'RS256', typ: 'JWT' });
    const body = b64({ ...claims, exp: 9_999_999_999 });
    const sig = cryptoSign('sha256', Buffer.from(`${head}.${body}`), other.privateKeyPem).toString('base64url');
    expect(await codeOf(() => hs.verify(`${head}.${body}.${sig}`))).toBe('401 token_invalid');
    expect(await codeOf(() => rs.verify(`${head}.${body}.${sig}`))).toBe('401 token_invalid');
    expect(await codeOf(async () => rs.verify(await new JwtCodec(other).sign(claims, 60)))).toBe('401 token_invalid');
  });

  it('rejects a tampered payload (roles escalated)', async () => {
    const [head, , sig] = (await hs.sign(claims, 900)).split('.');
    const forged = b64({ ...claims, roles: ['admin'], iss: 'identity', aud: 'mikasmissions', iat: 1, nbf: 1, exp: 9_999_999_999 });
    expect(await codeOf(() => hs.verify(`${head}.${forged}.${sig}`))).toBe('401 token_invalid');
  });

  it('rejects expired and not-yet-valid tokens (5 s clock tolerance)', async () => {
    const now = Date.now();
    expect(await codeOf(async () => hs.verify(await hs.sign(claims, 60, now - 120_000), now))).toBe('401 token_expired');
    expect(await codeOf(async () => hs.verify(await hs.sign(claims, 60, now - 63_000), now))).toBe('accepted');
    expect(await codeOf(async () => hs.verify(await hs.sign(claims, 60, now + 60_000), now))).toBe('401 token_invalid');
  });

  it('rejects the wrong issuer or audience', async () => {
    const wrongIss = new JwtCodec(secret, { issuer: 'evil', audience: 'mikasmissions' });
    const wrongAud = new JwtCodec(secret, { issuer: 'identity', audience: 'other-app' });
    const none = new JwtCodec(secret);
    expect(await codeOf(async () => hs.verify(await wrongIss.sign(claims, 60)))).toBe('401 token_invalid');
    expect(await codeOf(async () => hs.verify(await wrongAud.sign(claims, 60)))).toBe('401 token_invalid');
    expect(await codeOf(async () => hs.verify(await none.sign(claims, 60)))).toBe('401 token_invalid');
  });

  it('rejects garbage, missing claims and a token of another secret', async () => {
    for (const token of ['', 'abc', 'a.b.c', 'a.b', `${b64('x')}.${b64('y')}.z`, 'é.é.é'])
      expect(await codeOf(() => hs.verify(token))).toBe('401 token_invalid');
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const body = b64({ sub: 'u1', exp: 9_999_999_999, iss: 'identity', aud: 'mikasmissions' });
    const sig = createHmac('sha256', secret.secret).update(`${head}.${body}`).digest('base64url');
    expect(await codeOf(() => hs.verify(`${head}.${body}.${sig}`))).toBe('401 token_invalid');
    const other = new JwtCodec(
      { kind: 'secret', secret: 'another-secret-0123456789-0123456789' },
      { issuer: 'identity', audience: 'mikasmissions' },
    );
    expect(await codeOf(async () => hs.verify(await other.sign(claims, 60)))).toBe('401 token_invalid');
  });

  it('rejects critical headers, a foreign kid, an iat in the future and oversized tokens even when correctly signed', async () => {
    const signed = (header: object, body: object) => {
      const data = `${b64({ alg: 'HS256', typ: 'JWT', ...header })}.${b64({ ...claims, iss: 'identity', aud: 'mikasmissions', nbf: 1, exp: 9_999_999_999, ...body })}`;
      return `${data}.${createHmac('sha256', secret.secret).update(data).digest('base64url')}`;
    };
    expect(await codeOf(() => hs.verify(signed({ kid: hs.kid }, { iat: 1 })))).toBe('accepted');
    expect(await codeOf(() => hs.verify(signed({ crit: ['exp'], exp: 1 }, { iat: 1 })))).toBe('401 token_invalid');
    expect(await codeOf(() => hs.verify(signed({ kid: 'someone-else' }, { iat: 1 })))).toBe('401 token_invalid');
    expect(await codeOf(() => hs.verify(signed({}, { iat: 9_999_999_000 })))).toBe('401 token_invalid');
    expect(await codeOf(() => hs.verify(signed({}, { iat: 1, pad: 'x'.repeat(9_000) })))).toBe('401 token_invalid');
  });

  it('refuses a PEM pair whose halves do not match', () => {
    const a = pemPair('rsa');
    const b = pemPair('rsa');
    expect(() => new JwtCodec({ kind: 'pem', privateKeyPem: a.privateKeyPem, publicKeyPem: b.publicKeyPem })).toThrow('not a pair');
  });
});
