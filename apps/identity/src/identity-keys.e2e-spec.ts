import type { INestApplication } from '@nestjs/common';
import { generateSync } from '@otplib/totp';
import { baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { createHmac, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { AppModule } from './app.module';
import { base32Decode, capturedCodes, nodeCrypto, send } from './identity-test.helpers';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('identity with an RS256 key pair: JWKS, algorithm confusion, TOTP', () => {
  let app: INestApplication;
  let url: string;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();

  beforeAll(async () => {
    const env = testEnv('postgres+redis', {
      JWT_SECRET: undefined,
      JWT_PRIVATE_KEY_PEM: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      JWT_PUBLIC_KEY_PEM: publicPem,
      JWT_ISSUER: 'mikasmissions-identity',
      JWT_AUDIENCE: 'mikasmissions',
      AUTHX_REDIS_PREFIX: uniquePrefix('authx-keys'),
      OTP_SENDER: 'capture',
      AUTH_MODE: 'enforce',
      AUTH_DEV_LOGIN: 'true',
    });
    app = await bootApp(AppModule, { adapter: 'fastify', env, globalPrefix: 'v1' });
    url = await baseUrl(app, 'v1');
  });
  afterAll(() => app.close());

  const login = async (userId: string) =>
    (await (await fetch(`${url}/auth/login`, send('POST', { userId }))).json()) as { accessToken: string };

  it('publishes the public key at /.well-known/jwks.json and signs verifiable RS256 tokens with iss/aud', async () => {
    const jwks = await (await fetch(`${url}/.well-known/jwks.json`)).json();
    expect(jwks.keys).toHaveLength(1);
    const jwk = jwks.keys[0];
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) });
    const { accessToken } = await login('jwks-user');
    const [h, p, s] = accessToken.split('.');
    expect(JSON.parse(Buffer.from(h, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT', kid: jwk.kid });
    expect(JSON.parse(Buffer.from(p, 'base64url').toString())).toMatchObject({
      sub: 'jwks-user',
      iss: 'mikasmissions-identity',
      aud: 'mikasmissions',
      tenant: 'default',
      roles: ['user'],
    });
    expect(verify('sha256', Buffer.from(`${h}.${p}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(s, 'base64url'))).toBe(
      true,
    );
  });

  it('answers 401 to forged tokens: alg none, HS256 with the public key, tampered roles', async () => {
    const { accessToken } = await login('victim');
    const [h, p, s] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const escalated = b64({ ...claims, roles: ['admin'] });
    const hsHead = b64({ alg: 'HS256', typ: 'JWT', kid: JSON.parse(Buffer.from(h, 'base64url').toString()).kid });
    const confused = `${hsHead}.${escalated}.${createHmac('sha256', publicPem).update(`${hsHead}.${escalated}`).digest('base64url')}`;
    const forged = {
      none: `${b64({ alg: 'none', typ: 'JWT' })}.${escalated}.`,
      confusion: confused,
      tampered: `${h}.${escalated}.${s}`,
    };
    for (const [name, token] of Object.entries(forged)) {
      const res = await fetch(`${url}/me`, { headers: { authorization: `Bearer ${token}` } });
      expect([name, res.status]).toEqual([name, 401]);
      expect((await res.json()).error.code).toBe('token_invalid');
    }
    expect((await fetch(`${url}/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(200);
  });

  it('enrols TOTP, confirms it, signs in with it, and rejects a replayed code', async () => {
    const subject = `totp.${Date.now()}@example.com`;
    const req = await (await fetch(`${url}/auth/otp/request`, send('POST', { subject, channel: 'email' }))).json();
    const session = await (
      await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId: req.ticketId, code: capturedCodes(app).lastCodeFor(subject) }))
    ).json();
    const auth = { authorization: `Bearer ${session.accessToken}` };

    const enrol = await (await fetch(`${url}/auth/totp/enrol`, send('POST', undefined, auth))).json();
    expect(enrol.otpauthUri).toMatch(/^otpauth:\/\/totp\/MikasMissions:.+secret=[A-Z2-7]+/);
    const code = () => generateSync({ secret: base32Decode(enrol.secret), crypto: nodeCrypto });
    expect((await fetch(`${url}/auth/totp/confirm`, send('POST', { code: code() }, auth))).status).toBe(200);

    const replay = await fetch(`${url}/auth/totp/verify`, send('POST', { code: code() }, auth));
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe('totp_replay');

    const ticket = await (await fetch(`${url}/auth/otp/request`, send('POST', { subject, channel: 'totp' }))).json();
    const nextStep = generateSync({ secret: base32Decode(enrol.secret), crypto: nodeCrypto, epoch: Math.floor(Date.now() / 1000) + 30 });
    const totpLogin = await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId: ticket.ticketId, code: nextStep }));
    expect(totpLogin.status).toBe(200);
    expect(await totpLogin.json()).toMatchObject({ ok: true, accessToken: expect.any(String) });

    const stranger = await (
      await fetch(`${url}/auth/otp/request`, send('POST', { subject: `nobody.${Date.now()}@example.com`, channel: 'totp' }))
    ).json();
    expect((await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId: stranger.ticketId, code: nextStep }))).status).toBe(401);
  });
});
