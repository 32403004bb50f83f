import type { INestApplication } from '@nestjs/common';
import { AuditLog } from '@mikasmissions/authx';
import { baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { capturedCodes, deleteRedisKeys, send, subject, totpCode, wrongTotpCode } from './identity-test.helpers';

const PREFIX = 'v1';

// Issue 9 item 7: TOTP step-up had no attempt limit (600 wrong codes, no 429, session still valid).
describe('identity TOTP step-up attempt limits (Postgres + Redis)', () => {
  let app: INestApplication;
  let url: string;
  const prefix = uniquePrefix('authx-totp');

  beforeAll(async () => {
    const env = testEnv('postgres+redis', {
      AUTHX_REDIS_PREFIX: prefix,
      OTP_SENDER: 'capture',
      OTP_COOLDOWN_SEC: '0',
      AUTH_MODE: 'enforce',
    });
    app = await bootApp(AppModule, { adapter: 'express', env, globalPrefix: PREFIX });
    url = await baseUrl(app, PREFIX);
  });
  afterAll(async () => {
    await app.close();
    await deleteRedisKeys(prefix);
  });

  const signIn = async (who: string) => {
    const { ticketId } = await (await fetch(`${url}/auth/otp/request`, send('POST', { subject: who, channel: 'email' }))).json();
    const session = await (
      await fetch(`${url}/auth/otp/verify`, send('POST', { ticketId, code: capturedCodes(app).lastCodeFor(who) }))
    ).json();
    return { authorization: `Bearer ${session.accessToken}` };
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** One step-up, after the 250 ms a user's checks are paced by. */
  const stepUp = async (auth: Record<string, string>, code: string) => {
    await pause(300);
    return fetch(`${url}/auth/totp/verify`, send('POST', { code }, auth));
  };

  it('locks the session after 5 wrong codes (429 totp_locked, session revoked) and the user after 10, audited', async () => {
    const who = subject('stepup');
    const first = await signIn(who);
    const { secret } = await (await fetch(`${url}/auth/totp/enrol`, send('POST', undefined, first))).json();
    expect((await fetch(`${url}/auth/totp/confirm`, send('POST', { code: totpCode(secret) }, first))).status).toBe(200);
    const wrong = wrongTotpCode(secret);

    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await stepUp(first, wrong)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const locked = await stepUp(first, totpCode(secret, 30));
    expect(locked.status).toBe(401);
    expect((await locked.json()).error.code).toBe('session_revoked');

    const second = await signIn(who);
    const more: number[] = [];
    for (let i = 0; i < 5; i++) more.push((await stepUp(second, wrong)).status);
    expect(more).toEqual([401, 401, 401, 401, 429]);

    const third = await signIn(who);
    const userLocked = await stepUp(third, totpCode(secret, 30));
    expect(userLocked.status).toBe(429);
    expect(Number(userLocked.headers.get('retry-after'))).toBeGreaterThan(3_000);
    expect((await userLocked.json()).error.code).toBe('totp_locked');

    const me = await (await fetch(`${url}/me`, { headers: third })).json();
    await pause(200);
    const denials = await app.get(AuditLog).query({ tenantId: 'default', principal: me.userId, decision: 'deny', limit: 50 });
    expect(denials.filter((e) => e.reason === 'totp_locked').length).toBeGreaterThanOrEqual(3);
    expect(denials.filter((e) => e.reason === 'totp_wrong_code')).toHaveLength(10);
  }, 30_000); // a dozen sequential logins and checks; the 5 s default is too tight on a loaded 2-core runner

  it('paces a parallel burst of codes: one check per user at a time, the rest 429 before any code is looked at', async () => {
    const auth = await signIn(subject('burst'));
    const { secret } = await (await fetch(`${url}/auth/totp/enrol`, send('POST', undefined, auth))).json();
    await pause(300);
    expect((await fetch(`${url}/auth/totp/confirm`, send('POST', { code: totpCode(secret) }, auth))).status).toBe(200);
    await pause(300);
    const wrong = wrongTotpCode(secret);
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => fetch(`${url}/auth/totp/verify`, send('POST', { code: wrong }, auth))),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(2);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(18);
  });
});
