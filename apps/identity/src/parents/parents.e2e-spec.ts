import type { INestApplication } from '@nestjs/common';
import { ADAPTERS, baseUrl, bootApp, deleteTestFileKeys, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { FamilyClient, jwtClaims, parentEmail, signupBody } from '../family-test.helpers';
import { capturedCodes } from '../identity-test.helpers';
import { ParentsRepository } from './parents.repository';
import { PasswordHasher } from './password-hasher';

const ENV = { OTP_SENDER: 'capture', AUTH_MODE: 'enforce', AUTHX_TRUST_PROXY: 'true', JWT_ISSUER: 'mm-identity', JWT_AUDIENCE: 'mm-edge' };

afterAll(() => deleteTestFileKeys());

/** Memory, and Postgres with Redis: the sign-in throttle then runs on AuthX's Redis limiter store. */
describe.each(ADAPTERS)('parents signup and login on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres+redis'])('with %s stores', (stores) => {
    let app: INestApplication;
    let api: FamilyClient;

    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv(stores, ENV), globalPrefix: 'v1' });
      api = new FamilyClient(await baseUrl(app));
    });
    afterAll(() => app.close());
    afterEach(() => jest.restoreAllMocks());

    const signup = (body: unknown) => api.call('POST', '/parents/signup', { body });
    const login = (email: string, password: string, ip = '203.0.113.10') =>
      api.call('POST', '/parents/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

    it('signs a parent up as pending_consent with an argon2id hash', async () => {
      const email = parentEmail('Signup');
      const res = await signup(signupBody(email));
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ parent_user_id: expect.any(String), status: 'pending_consent' });
      const stored = await app.get(ParentsRepository).findById('default', res.body.parent_user_id);
      expect(stored).toMatchObject({ email, emailKey: email.toLowerCase(), country: 'DE', language: 'de-DE', status: 'pending_consent' });
      expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(stored?.passwordHash).not.toContain('correct horse');
    });

    it('runs the checks in the contract order: terms, email, password, profile', async () => {
      const email = parentEmail('order');
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ email: 'nope', password: 'short', country: 'XX', accepted_terms: false }, 'terms_required'],
        [{ email: 'nope', password: 'short', country: 'XX', accepted_terms: undefined }, 'terms_required'],
        [{ email: 'nope', password: 'short', country: 'XX' }, 'invalid_email'],
        [{ email: 'a@b', password: 'short', country: 'XX' }, 'invalid_email'],
        [{ email: undefined, password: 'short' }, 'invalid_email'],
        [{ password: 'short', country: 'XX' }, 'weak_password'],
        [{ password: 'Password123', country: 'XX' }, 'weak_password'],
        [{ password: undefined }, 'weak_password'],
        [{ country: 'XX' }, 'missing_profile'],
        [{ country: undefined }, 'missing_profile'],
        [{ language: 'english please' }, 'missing_profile'],
        [{ language: undefined }, 'missing_profile'],
      ];
      for (const [overrides, code] of cases) {
        const res = await signup(signupBody(email, overrides));
        expect([res.status, res.body.error.code, overrides]).toEqual([400, code, overrides]);
      }
      const both = await signup(signupBody(email, { country: 'ZZ', language: '' }));
      expect(both.body.error.details).toEqual({ fields: ['country', 'language'] });
      const breached = await signup(signupBody(email, { password: 'qwertyuiop' }));
      expect(breached.body.error.details).toEqual({ reason: 'breached' });
      expect(await app.get(ParentsRepository).findByEmail('default', email.toLowerCase())).toBeNull();
    });

    it('answers 400 validation_failed for wrong types and unknown fields', async () => {
      for (const body of [
        signupBody(parentEmail('t'), { accepted_terms: 'yes' }),
        signupBody(parentEmail('t'), { admin: true }),
        signupBody(parentEmail('t'), { password: 'x'.repeat(129) }),
      ]) {
        const res = await signup(body);
        expect([res.status, res.body.error.code]).toEqual([400, 'validation_failed']);
      }
    });

    it('keeps emails unique whatever their case: 409 email_taken', async () => {
      const email = parentEmail('Dup');
      expect((await signup(signupBody(email))).status).toBe(201);
      const again = await signup(signupBody(email.toUpperCase()));
      expect([again.status, again.body.error.code]).toEqual([409, 'email_taken']);
      const spaced = await signup(signupBody(`  ${email.toLowerCase()} `));
      expect(spaced.status).toBe(409);
    });

    it('logs a parent in with AuthX tokens carrying mm_role, parent_user_id, tenant, iss and aud; the refresh rotates', async () => {
      const email = parentEmail('Login');
      const { body: created } = await signup(signupBody(email));
      const res = await login(email.toUpperCase(), 'correct horse battery staple');
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 900,
        parent_user_id: created.parent_user_id,
        role: 'parent',
        refresh_token: expect.any(String),
      });
      const claims = jwtClaims(res.body.access_token);
      expect(claims).toMatchObject({
        sub: created.parent_user_id,
        mm_role: 'parent',
        parent_user_id: created.parent_user_id,
        tenant: 'default',
        roles: ['parent'],
        iss: 'mm-identity',
        aud: 'mm-edge',
      });
      const me = await fetch(`${await baseUrl(app)}/v1/me`, { headers: { authorization: `Bearer ${res.body.access_token}` } });
      expect(await me.json()).toMatchObject({ userId: created.parent_user_id, roles: ['parent'] });

      const refreshed = await fetch(`${await baseUrl(app)}/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: res.body.refresh_token }),
      });
      const pair = await refreshed.json();
      expect(pair.refreshToken).not.toBe(res.body.refresh_token);
      expect(jwtClaims(pair.accessToken)).toMatchObject({ mm_role: 'parent', parent_user_id: created.parent_user_id });
    });

    it('answers 401 invalid_credentials for a wrong password and an unknown email, hashing in both cases', async () => {
      const email = parentEmail('Wrong');
      await signup(signupBody(email));
      const verify = jest.spyOn(app.get(PasswordHasher), 'verify');
      const wrong = await login(email, 'not the password at all', '198.51.100.1');
      const unknown = await login(parentEmail('nobody'), 'not the password at all', '198.51.100.1');
      for (const res of [wrong, unknown]) {
        expect([res.status, res.body.error.code]).toEqual([401, 'invalid_credentials']);
        expect(res.body.error.message).toBe('email or password is wrong');
      }
      expect(verify).toHaveBeenCalledTimes(2);
      expect(verify.mock.calls[1][0]).toMatch(/^\$argon2id\$/);
    });

    it('signs a parent in with an emailed one-time code (AuthX OTP), once', async () => {
      const email = parentEmail('Otp');
      const { body: created } = await signup(signupBody(email));
      const req = await api.call('POST', '/parents/login/otp/request', { body: { email: email.toUpperCase() } });
      expect(req.status).toBe(200);
      expect(req.body).toEqual({ ticket_id: expect.any(String), expires_in: 300 });
      const again = await api.call('POST', '/parents/login/otp/request', { body: { email } });
      expect([again.status, again.body.error.code]).toEqual([429, 'rate_limited']);
      expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
      const code = capturedCodes(app).lastCodeFor(email.toLowerCase())!;
      const wrong = await api.call('POST', '/parents/login/otp/verify', {
        body: { ticket_id: req.body.ticket_id, code: code === '000000' ? '111111' : '000000' },
      });
      expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_credentials']);
      const ok = await api.call('POST', '/parents/login/otp/verify', { body: { ticket_id: req.body.ticket_id, code } });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ parent_user_id: created.parent_user_id, role: 'parent', token_type: 'Bearer' });
      expect(jwtClaims(ok.body.access_token)).toMatchObject({
        sub: created.parent_user_id,
        mm_role: 'parent',
        parent_user_id: created.parent_user_id,
      });
      const replay = await api.call('POST', '/parents/login/otp/verify', { body: { ticket_id: req.body.ticket_id, code } });
      expect([replay.status, replay.body.error.code]).toEqual([401, 'invalid_credentials']);
    });

    it('answers an OTP request for an email without a parent the same, but its code signs nobody in', async () => {
      const email = parentEmail('NoParent').toLowerCase();
      const req = await api.call('POST', '/parents/login/otp/request', { body: { email } });
      expect(Object.keys(req.body).sort()).toEqual(['expires_in', 'ticket_id']);
      const res = await api.call('POST', '/parents/login/otp/verify', {
        body: { ticket_id: req.body.ticket_id, code: capturedCodes(app).lastCodeFor(email)! },
      });
      expect([res.status, res.body.error.code]).toEqual([401, 'invalid_credentials']);
      const bad = await api.call('POST', '/parents/login/otp/verify', { body: { ticket_id: req.body.ticket_id, code: '12ab56' } });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    });

    it('throttles per account and address with 429 rate_limited, and a wrong address cannot lock the parent out', async () => {
      const email = parentEmail('Throttle');
      await signup(signupBody(email));
      const home = '192.0.2.10';
      expect((await login(email, 'correct horse battery staple', home)).status).toBe(200);

      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await login(email, 'wrong password guess', '198.51.100.20')).status);
      expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
      const limited = await login(email, 'correct horse battery staple', '198.51.100.20');
      expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited']);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

      for (const ip of ['198.51.100.21', '198.51.100.22']) for (let i = 0; i < 5; i++) await login(email, 'wrong password guess', ip);
      const stranger = await login(email, 'correct horse battery staple', '198.51.100.23');
      expect([stranger.status, stranger.body.error.code]).toEqual([429, 'rate_limited']);
      const parent = await login(email, 'correct horse battery staple', home);
      expect(parent.status).toBe(200);
      const otherAccount = await login(parentEmail('other'), 'whatever it is', '198.51.100.20');
      expect(otherAccount.status).toBe(401);
    });
  });
});
