import type { INestApplication } from '@nestjs/common';
import { JwtCodec } from '@mikasmissions/authx';
import { createAuthClient, type AuthClient, type AuthEvent, type AuthTokens } from '@mikasmissions/authx-sdk';
import { baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { capturedCodes, subject } from './identity-test.helpers';

describe('authx-sdk against a running identity service', () => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    const env = testEnv('postgres+redis', {
      AUTHX_REDIS_PREFIX: uniquePrefix('authx-sdk'),
      OTP_SENDER: 'capture',
      AUTH_MODE: 'enforce',
      AUTH_DEV_LOGIN: 'true',
    });
    app = await bootApp(AppModule, { adapter: 'express', env, globalPrefix: 'v1' });
    url = await baseUrl(app, 'v1');
  }, 30_000); // booting identity on Postgres + Redis took over the 5 s default on a loaded 2-core machine
  afterAll(() => app.close());

  function client(): { auth: AuthClient; calls: string[]; events: AuthEvent[]; store: { tokens: AuthTokens | null } } {
    const store: { tokens: AuthTokens | null } = { tokens: null };
    const calls: string[] = [];
    const events: AuthEvent[] = [];
    const auth = createAuthClient({
      baseUrl: url,
      getTokens: () => store.tokens,
      setTokens: (t) => {
        store.tokens = t;
      },
      fetch: (input, init) => {
        calls.push(new URL(String(input)).pathname.replace('/v1', ''));
        return fetch(input, init);
      },
    });
    auth.onAuthStateChange((event) => events.push(event));
    return { auth, calls, events, store };
  }

  /** The current pair with its access token replaced by one that expired an hour ago. */
  async function expire(tokens: AuthTokens): Promise<AuthTokens> {
    const codec = app.get(JwtCodec);
    const claims = await codec.verify(tokens.accessToken);
    const stale = await codec.sign(
      { sub: claims.sub, tenant: claims.tenant, roles: claims.roles, sid: claims.sid, jti: 'stale' },
      900,
      Date.now() - 3_600_000,
    );
    return { ...tokens, accessToken: stale };
  }

  it('signs in with an OTP and calls an authenticated route', async () => {
    const { auth, events, store } = client();
    const who = subject('sdk');
    const { ticketId } = await auth.requestOtp(who);
    const tokens = await auth.verifyOtp(ticketId, capturedCodes(app).lastCodeFor(who)!);
    expect(store.tokens).toEqual(tokens);
    expect(events).toEqual(['SIGNED_IN']);
    const me = await auth.fetchWithAuth('/me');
    expect(me.status).toBe(200);
    expect((await me.json()).sessionId).toBe(tokens.sessionId);
  });

  it('rejects a wrong code with a typed error', async () => {
    const { auth } = client();
    const who = subject('sdk-wrong');
    const { ticketId } = await auth.requestOtp(who);
    const code = capturedCodes(app).lastCodeFor(who)!;
    await expect(auth.verifyOtp(ticketId, code === '000000' ? '000001' : '000000')).rejects.toMatchObject({
      status: 401,
      code: 'otp_invalid',
      details: { attemptsLeft: 4 },
    });
  });

  it('goes through an expired access token with one refresh and one retry', async () => {
    const { auth, calls, events, store } = client();
    await auth.login({ userId: 'sdk-user-1' });
    store.tokens = await expire(store.tokens!);
    calls.length = 0;
    const res = await auth.fetchWithAuth('/me');
    expect(res.status).toBe(200);
    expect(calls).toEqual(['/me', '/auth/refresh', '/me']);
    expect(events).toEqual(['SIGNED_IN', 'TOKEN_REFRESHED']);
  });

  it('shares one refresh between 10 parallel requests on an expired token', async () => {
    const { auth, calls, store } = client();
    await auth.login({ userId: 'sdk-user-2' });
    store.tokens = await expire(store.tokens!);
    calls.length = 0;
    const responses = await Promise.all(Array.from({ length: 10 }, () => auth.fetchWithAuth('/me')));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(calls.filter((c) => c === '/auth/refresh')).toHaveLength(1);
    expect(calls.filter((c) => c === '/me').length).toBeLessThanOrEqual(20);
  });

  it('signs out (setTokens(null)) when the refresh fails', async () => {
    const { auth, events, store } = client();
    await auth.login({ userId: 'sdk-user-3' });
    const other = client();
    other.store.tokens = store.tokens;
    await other.auth.logout();
    store.tokens = await expire(store.tokens!);
    const res = await auth.fetchWithAuth('/me');
    expect(res.status).toBe(401);
    expect(store.tokens).toBeNull();
    expect(events).toEqual(['SIGNED_IN', 'SIGNED_OUT']);
  });

  it('logs out: the session is revoked server-side and tokens are forgotten', async () => {
    const { auth, store } = client();
    const tokens = await auth.login({ userId: 'sdk-user-4' });
    await auth.logout();
    expect(store.tokens).toBeNull();
    const res = await fetch(`${url}/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: tokens.refreshToken }),
    });
    expect(res.status).toBe(401);
  });
});
