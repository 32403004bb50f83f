import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type KeyLike } from 'jose';
import { baseUrl, bootApp, createContractValidator, testEnv } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { startStubUpstreams, type StubUpstreams } from './testing/stub-upstreams';
import { TEST_IDENTITY_KEY, TEST_SECRET, tokenFor } from './testing/tokens';

/** Every refusal the gateway writes must be in the v1 contract (status, body, error code). */
const contract = createContractValidator();

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const ROUTE = '/v1/children/profiles';

describe('token attacks through the gateway (enforce)', () => {
  let stubs: StubUpstreams;
  let hsApp: INestApplication;
  let rsApp: INestApplication;
  let jwks: Server;
  let hsUrl: string;
  let rsUrl: string;
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let rotated: Awaited<ReturnType<typeof generateKeyPair>>;
  let keys: Record<string, unknown>[] = [];

  beforeAll(async () => {
    stubs = await startStubUpstreams();
    rsa = await generateKeyPair('RS256', { extractable: true });
    rotated = await generateKeyPair('RS256', { extractable: true });
    keys = [{ ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }];
    jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys })));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const base = {
      ...stubs.env,
      AUTH_MODE: 'enforce',
      EDGE_IDENTITY_KEY: TEST_IDENTITY_KEY,
      AUTH_JWT_ISSUER: 'mm-identity',
      AUTH_JWT_AUDIENCE: 'mm-api',
    };
    hsApp = await bootApp(AppModule, { adapter: 'fastify', env: testEnv('memory', { ...base, JWT_SECRET: TEST_SECRET }) });
    const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
    rsApp = await bootApp(AppModule, {
      adapter: 'fastify',
      env: testEnv('memory', { ...base, JWT_SECRET: TEST_SECRET, AUTH_JWKS_URL: jwksUrl, AUTH_JWKS_COOLDOWN_MS: '0' }),
    });
    hsUrl = await baseUrl(hsApp);
    rsUrl = await baseUrl(rsApp);
  });
  afterAll(async () => {
    await hsApp.close();
    await rsApp.close();
    await stubs.close();
    jwks.closeAllConnections();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const claims = { iss: 'mm-identity', aud: 'mm-api' };
  const rs = (key: KeyLike, kid: string, extra: Record<string, unknown> = {}) =>
    new SignJWT({ sub: 'p1', mm_role: 'parent', exp: now() + 300, ...claims, ...extra })
      .setProtectedHeader({ alg: 'RS256', kid })
      .sign(key);
  const status = async (url: string, token: string) => {
    const res = await fetch(`${url}${ROUTE}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { error?: { code: string } };
    if (res.status !== 200) contract.assert({ method: 'GET', path: ROUTE, status: res.status, body });
    return `${res.status} ${body.error?.code ?? 'pass'}`;
  };

  it.each<[string, () => Promise<string>, string]>([
    ['a valid HS256 token', () => tokenFor('parent', claims), '200 pass'],
    [
      'alg none',
      async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'p1', mm_role: 'service', exp: now() + 60, ...claims })}.`,
      '401 invalid_token',
    ],
    ['expired', () => tokenFor('parent', { ...claims, exp: now() - 60, iat: now() - 120 }), '401 invalid_token'],
    ['no exp', () => tokenFor('parent', { ...claims, exp: undefined }), '401 invalid_token'],
    ['wrong iss', () => tokenFor('parent', { ...claims, iss: 'evil' }), '401 invalid_token'],
    ['wrong aud', () => tokenFor('parent', { ...claims, aud: 'other' }), '401 invalid_token'],
    ['another HS key', () => tokenFor('parent', claims, 'some-other-secret-that-is-long-enough-xx'), '401 invalid_token'],
    ['a malformed header', async () => 'not.a.jwt', '401 invalid_token'],
  ])('HS256 gateway: %s', async (_name, make, expected) => {
    expect(await status(hsUrl, await make())).toBe(expected);
  });

  it('JWKS gateway: RS256 passes; HS/RS confusion (public key as HS secret) and HS tokens are refused', async () => {
    expect(await status(rsUrl, await rs(rsa.privateKey, 'k1'))).toBe('200 pass');
    const pem = await exportSPKI(rsa.publicKey);
    const confused = await new SignJWT({ sub: 'p1', mm_role: 'admin', exp: now() + 60, ...claims })
      .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
      .sign(new TextEncoder().encode(pem));
    expect(await status(rsUrl, confused)).toBe('401 invalid_token');
    expect(await status(rsUrl, await tokenFor('parent', claims))).toBe('401 invalid_token');
  });

  it('JWKS gateway: an unknown kid refetches the key set (rotation); a key not in it stays refused', async () => {
    const token = await rs(rotated.privateKey, 'k2');
    expect(await status(rsUrl, token)).toBe('401 invalid_token');
    keys = [...keys, { ...(await exportJWK(rotated.publicKey)), kid: 'k2', alg: 'RS256', use: 'sig' }];
    expect(await status(rsUrl, token)).toBe('200 pass');
  });

  it('strips forged X-Auth-* headers from a token-less and a tokened client', async () => {
    const before = stubs.received.length;
    const forged = { 'x-auth-role': 'service', 'x-auth-signature': 'x', 'x-auth-parent-user-id': 'victim', 'X-Auth-Tenant': 't2' };
    const res = await fetch(`${hsUrl}${ROUTE}`, { headers: { ...forged, authorization: `Bearer ${await tokenFor('parent', claims)}` } });
    expect(res.status).toBe(200);
    const got = stubs.received.slice(before)[0];
    expect(got.headers['x-auth-role']).toBe('parent');
    expect(got.headers['x-auth-parent-user-id']).toBe('parent-1');
    expect(got.headers['x-auth-tenant']).toBe('default');
  });
});
