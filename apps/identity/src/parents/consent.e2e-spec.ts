import type { INestApplication } from '@nestjs/common';
import { PG_POOL } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, testEnv, type TestStores } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { AppModule } from '../app.module';
import { FamilyClient, parentEmail, signupBody, type As } from '../family-test.helpers';
import { capturedCodes, shiftClock } from '../identity-test.helpers';

const ENV = { OTP_SENDER: 'capture', AUTH_MODE: 'enforce' };
const SERVICE: As = { role: 'service' };

describe.each(ADAPTERS)('parents consent and the internal status on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres'])('with %s stores', (stores) => {
    let app: INestApplication;
    let api: FamilyClient;

    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv(stores, ENV), globalPrefix: 'v1' });
      api = new FamilyClient(await baseUrl(app));
    });
    afterAll(() => app.close());
    afterEach(() => jest.useRealTimers());

    async function newParent(label: string): Promise<{ id: string; email: string; as: As }> {
      const email = parentEmail(label);
      const res = await api.call('POST', '/parents/signup', { body: signupBody(email) });
      expect(res.status).toBe(201);
      return { id: res.body.parent_user_id, email, as: { role: 'parent', parentUserId: res.body.parent_user_id } };
    }
    const requestConsent = (parent: { id: string; as: As }, method = 'email_plus', as: As | null = parent.as) =>
      api.call('POST', '/parents/consent/request', { body: { parent_user_id: parent.id, method }, as: as ?? undefined });
    const verify = (body: Record<string, unknown>) =>
      api.call('POST', '/parents/consent/verify', { body: { method: 'email_plus', ...body } });
    const status = (id: string, as: As | null = SERVICE) =>
      api.call('GET', `/internal/parents/${id}`, { as: as ?? undefined, internal: true });

    it('emails a code (never answered), verifies it once, activates the parent and publishes consent.verified', async () => {
      const parent = await newParent('Consent');
      expect((await status(parent.id)).body).toEqual({ parent_user_id: parent.id, status: 'pending_consent', consent_verified_at: null });
      const req = await requestConsent(parent);
      expect(req.status).toBe(202);
      expect(req.body).toEqual({ consent_request_id: expect.any(String), method: 'email_plus', expires_at: expect.any(String) });
      expect(Date.parse(req.body.expires_at) - Date.now()).toBeGreaterThan(250_000);
      const code = capturedCodes(app).lastCodeFor(parent.email.trim())!;
      expect(code).toMatch(/^\d{6}$/);
      expect(JSON.stringify(req.body)).not.toContain(code);

      const wrong = await verify({
        parent_user_id: parent.id,
        challenge: code === '000000' ? '111111' : '000000',
        consent_request_id: req.body.consent_request_id,
      });
      expect([wrong.status, wrong.body.error.code, wrong.body.error.details]).toEqual([
        403,
        'invalid_consent_challenge',
        { attemptsLeft: 4 },
      ]);
      const ok = await verify({ parent_user_id: parent.id, challenge: code, consent_request_id: req.body.consent_request_id });
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ consent_id: expect.any(String), verified: true });
      const replay = await verify({ parent_user_id: parent.id, challenge: code, consent_request_id: req.body.consent_request_id });
      expect([replay.status, replay.body.error.code]).toEqual([403, 'invalid_consent_challenge']);

      const after = await status(parent.id);
      expect(after.body).toEqual({ parent_user_id: parent.id, status: 'active', consent_verified_at: expect.any(String) });
      if (stores === 'postgres') {
        const { rows } = await app
          .get<Pool>(PG_POOL)
          .query(`SELECT payload FROM identity.outbox WHERE type = 'consent.verified' AND payload->'payload'->>'parentUserId' = $1`, [
            parent.id,
          ]);
        expect(rows).toHaveLength(1);
        expect(rows[0].payload.payload).toEqual({
          parentUserId: parent.id,
          consentId: ok.body.consent_id,
          method: 'email_plus',
          verifiedAt: after.body.consent_verified_at,
        });
      }
    });

    it('answers the latest open request when consent_request_id is left out', async () => {
      const parent = await newParent('Latest');
      await requestConsent(parent);
      const code = capturedCodes(app).lastCodeFor(parent.email.trim())!;
      const ok = await verify({ parent_user_id: parent.id, challenge: code });
      expect(ok.status).toBe(200);
      const none = await verify({ parent_user_id: parent.id, challenge: code });
      expect([none.status, none.body.error.code]).toEqual([404, 'consent_request_not_found']);
    });

    it('kills a request after 5 wrong codes, and an expired one answers consent_request_expired', async () => {
      const parent = await newParent('Guess');
      const { body } = await requestConsent(parent);
      const code = capturedCodes(app).lastCodeFor(parent.email.trim())!;
      const wrong = code === '000000' ? '111111' : '000000';
      const left: number[] = [];
      for (let i = 0; i < 5; i++)
        left.push(
          (await verify({ parent_user_id: parent.id, challenge: wrong, consent_request_id: body.consent_request_id })).body.error.details
            .attemptsLeft,
        );
      expect(left).toEqual([4, 3, 2, 1, 0]);
      const dead = await verify({ parent_user_id: parent.id, challenge: code, consent_request_id: body.consent_request_id });
      expect([dead.status, dead.body.error.code]).toEqual([403, 'invalid_consent_challenge']);

      const second = await requestConsent(parent);
      const fresh = capturedCodes(app).lastCodeFor(parent.email.trim())!;
      shiftClock(301_000);
      const expired = await verify({ parent_user_id: parent.id, challenge: fresh, consent_request_id: second.body.consent_request_id });
      expect([expired.status, expired.body.error.code]).toEqual([403, 'consent_request_expired']);
      jest.useRealTimers();
      expect((await status(parent.id)).body.status).toBe('pending_consent');
    });

    it('refuses card without a payment verifier, unknown parents and unknown requests', async () => {
      const parent = await newParent('Card');
      const card = await requestConsent(parent, 'card');
      expect([card.status, card.body.error.code]).toEqual([422, 'consent_method_unavailable']);
      const cardVerify = await verify({ parent_user_id: parent.id, method: 'card', challenge: 'tok_123' });
      expect([cardVerify.status, cardVerify.body.error.code]).toEqual([422, 'consent_method_unavailable']);
      const ghost = { id: '0193a9b0-0000-7000-8000-000000000000', as: SERVICE };
      const unknown = await requestConsent(ghost);
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'parent_not_found']);
      const unknownVerify = await verify({ parent_user_id: ghost.id, challenge: '123456' });
      expect([unknownVerify.status, unknownVerify.body.error.code]).toEqual([404, 'parent_not_found']);
      const noRequest = await verify({ parent_user_id: parent.id, challenge: '123456', consent_request_id: 'no-such-request' });
      expect([noRequest.status, noRequest.body.error.code]).toEqual([404, 'consent_request_not_found']);
      const bad = await verify({ parent_user_id: parent.id, challenge: '' });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    });

    it('scopes the consent request to the parent: 401 without identity, 403 parent_mismatch and insufficient_role', async () => {
      const a = await newParent('ScopeA');
      const b = await newParent('ScopeB');
      const anonymous = await requestConsent(a, 'email_plus', null);
      expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'missing_identity']);
      const other = await requestConsent(a, 'email_plus', b.as);
      expect([other.status, other.body.error.code]).toEqual([403, 'parent_mismatch']);
      const child = await requestConsent(a, 'email_plus', { role: 'child', parentUserId: a.id, childProfileId: 'kid-1' });
      expect([child.status, child.body.error.code]).toEqual([403, 'insufficient_role']);
      expect((await requestConsent(a, 'email_plus', SERVICE)).status).toBe(202);
    });

    it("keeps the parent scope when the parent's bearer token (which AuthX verifies) replaces the gateway identity", async () => {
      const a = await newParent('BearerA');
      const b = await newParent('BearerB');
      const login = await api.call('POST', '/parents/login', { body: { email: b.email, password: 'correct horse battery staple' } });
      const bearer = { authorization: `Bearer ${login.body.access_token}` };
      const other = await api.call('POST', '/parents/consent/request', {
        body: { parent_user_id: a.id, method: 'email_plus' },
        as: b.as,
        headers: bearer,
      });
      expect([other.status, other.body.error.code]).toEqual([403, 'parent_mismatch']);
      const own = await api.call('POST', '/parents/consent/request', {
        body: { parent_user_id: b.id, method: 'email_plus' },
        as: b.as,
        headers: bearer,
      });
      expect(own.status).toBe(202);
    });

    it('sends at most 5 consent codes per parent per hour (429 rate_limited)', async () => {
      const parent = await newParent('Spam');
      for (let i = 0; i < 5; i++) expect((await requestConsent(parent)).status).toBe(202);
      const limited = await requestConsent(parent);
      expect([limited.status, limited.body.error.code]).toEqual([429, 'rate_limited']);
    });

    it('serves GET /internal/parents/{id} to services only', async () => {
      const parent = await newParent('Internal');
      expect((await status(parent.id, null)).status).toBe(401);
      const asParent = await status(parent.id, parent.as);
      expect(asParent.status).toBe(403);
      const unknown = await status('no-such-parent');
      expect([unknown.status, unknown.body.error.code]).toEqual([404, 'parent_not_found']);
    });
  });
});
