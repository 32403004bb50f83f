import type { INestApplication } from '@nestjs/common';
import { ADAPTERS, baseUrl, bootApp, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { TestPaymentProvider } from './payments/adapters/test-payment-provider';
import { PaymentProvider } from './payments/payment-provider';
import { billingClient, freshId } from './testing/billing-test-client';

/** Booting with Postgres, Redis and the consumers can take a while when the machine is busy. */
const BOOT_TIMEOUT_MS = 30_000;

const SUBS = '/v1/billing/subscriptions';

describe.each(ADAPTERS)('billing subscriptions on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres'])('with %s stores', (stores) => {
    let app: INestApplication;
    let call: ReturnType<typeof billingClient>;
    let origin: string;
    let provider: TestPaymentProvider;

    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv(stores, { AUTH_MODE: 'enforce' }), globalPrefix: 'v1' });
      origin = await baseUrl(app);
      call = billingClient(origin);
      provider = app.get(PaymentProvider);
    }, BOOT_TIMEOUT_MS);
    afterEach(() => provider.willRespond('approve'));
    afterAll(() => app.close());

    const subscribe = (parent: string, plan = 'family_monthly', key = freshId('key')) =>
      call({ parent }, 'POST', SUBS, { body: { plan }, headers: { 'idempotency-key': key } });

    it('answers /health and /ready', async () => {
      expect((await fetch(`${origin}/v1/health`)).status).toBe(200);
      const ready = await fetch(`${origin}/v1/ready`);
      expect(ready.status).toBe(200);
      if (stores === 'postgres') expect((await ready.json()).details.postgres.status).toBe('up');
    });

    it('subscribes a parent: charges the plan price once, answers the subscription and lists it', async () => {
      const parent = freshId('p');
      const before = provider.charges.length;
      const res = await subscribe(parent, 'family_yearly');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        subscription_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        parent_user_id: parent,
        plan: 'family_yearly',
        status: 'active',
        cancel_at_period_end: false,
        current_period_start: expect.any(String),
        current_period_end: expect.any(String),
        canceled_at: null,
        created_at: expect.any(String),
      });
      const start = new Date(res.body.current_period_start);
      const end = new Date(res.body.current_period_end);
      expect(end.getUTCFullYear() - start.getUTCFullYear()).toBe(1);
      expect(provider.charges.slice(before)).toEqual([
        expect.objectContaining({
          reference: res.body.subscription_id,
          parentUserId: parent,
          plan: 'family_yearly',
          amountCents: 7999,
          currency: 'EUR',
        }),
      ]);
      const list = await call({ parent }, 'GET', SUBS);
      expect(list.status).toBe(200);
      expect(list.body).toEqual({ subscriptions: [res.body] });
    });

    it('a retry with the same Idempotency-Key replays the answer and charges once', async () => {
      const parent = freshId('p');
      const key = freshId('key');
      const attempts = provider.attempts;
      const first = await subscribe(parent, 'family_monthly', key);
      const retry = await subscribe(parent, 'family_monthly', key);
      expect(first.status).toBe(201);
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(provider.attempts - attempts).toBe(1);
      expect(provider.charges.filter((c) => c.parentUserId === parent)).toHaveLength(1);
      expect((await call({ parent }, 'GET', SUBS)).body.subscriptions).toHaveLength(1);
      const reused = await call({ parent }, 'POST', SUBS, { body: { plan: 'family_yearly' }, headers: { 'idempotency-key': key } });
      expect([reused.status, reused.body.error.code]).toEqual([422, 'idempotency_key_reused']);
    });

    it('requires an Idempotency-Key: 400 idempotency_key_required, nothing charged', async () => {
      const parent = freshId('p');
      const attempts = provider.attempts;
      const res = await call({ parent }, 'POST', SUBS, { body: { plan: 'family_monthly' } });
      expect([res.status, res.body.error.code]).toEqual([400, 'idempotency_key_required']);
      expect(provider.attempts).toBe(attempts);
    });

    it('a declined payment is 402 payment_declined, stores nothing, and its key replays the 402 without charging; a new key can pay', async () => {
      const parent = freshId('p');
      const key = freshId('key');
      provider.willRespond('decline');
      const res = await subscribe(parent, 'family_monthly', key);
      expect([res.status, res.body.error.code]).toEqual([402, 'payment_declined']);
      expect((await call({ parent }, 'GET', SUBS)).body).toEqual({ subscriptions: [] });
      provider.willRespond('approve');
      const attempts = provider.attempts;
      const replay = await subscribe(parent, 'family_monthly', key);
      expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([402, 'true']);
      expect(provider.attempts).toBe(attempts);
      expect((await subscribe(parent)).status).toBe(201);
    });

    it('a provider failure is 503 payment_unavailable with Retry-After, stores nothing, and the same key then succeeds', async () => {
      const parent = freshId('p');
      const key = freshId('key');
      provider.willRespond('fail');
      const res = await subscribe(parent, 'family_monthly', key);
      expect([res.status, res.body.error.code]).toEqual([503, 'payment_unavailable']);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await call({ parent }, 'GET', SUBS)).body).toEqual({ subscriptions: [] });
      provider.willRespond('approve');
      const retry = await subscribe(parent, 'family_monthly', key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBeNull();
    });

    it('refuses plans it does not sell and a second paid subscription', async () => {
      const parent = freshId('p');
      const unknown = await subscribe(parent, 'platinum');
      expect([unknown.status, unknown.body.error.code]).toEqual([400, 'unknown_plan']);
      const trial = await subscribe(parent, 'trial');
      expect([trial.status, trial.body.error.code]).toEqual([400, 'plan_not_purchasable']);
      expect((await subscribe(parent)).status).toBe(201);
      const attempts = provider.attempts;
      const again = await subscribe(parent, 'family_yearly');
      expect([again.status, again.body.error.code]).toEqual([409, 'subscription_active']);
      expect(provider.attempts).toBe(attempts);
    });

    it('two concurrent subscriptions of one parent under different keys: one 201, one 409 subscription_active, one charge', async () => {
      const parent = freshId('p');
      provider.latencyMs = 50;
      const results = await Promise.all([subscribe(parent), subscribe(parent, 'family_yearly')]).finally(() => (provider.latencyMs = 0));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(results.find((r) => r.status === 409)?.body.error.code).toBe('subscription_active');
      expect(provider.charges.filter((c) => c.parentUserId === parent)).toHaveLength(1);
      expect((await call({ parent }, 'GET', SUBS)).body.subscriptions).toHaveLength(1);
    });

    it('validates the body: 400 validation_failed for a missing plan, an extra field, a bad parent id', async () => {
      const parent = freshId('p');
      for (const body of [{}, { plan: '' }, { plan: 'family_monthly', extra: 1 }, { plan: 'family_monthly', parent_user_id: '../x' }]) {
        const res = await call({ parent }, 'POST', SUBS, { body, headers: { 'idempotency-key': freshId('key') } });
        expect([res.status, res.body.error.code]).toEqual([400, 'validation_failed']);
      }
    });

    it('scopes by principal: parent_mismatch for another parent, missing_subject for a service without one, service may act for a parent', async () => {
      const parent = freshId('p');
      const other = await call({ parent }, 'POST', SUBS, {
        body: { plan: 'family_monthly', parent_user_id: freshId('q') },
        headers: { 'idempotency-key': freshId('k') },
      });
      expect([other.status, other.body.error.code]).toEqual([403, 'parent_mismatch']);
      expect((await call({ parent }, 'GET', `${SUBS}?parent_user_id=${freshId('q')}`)).body.error.code).toBe('parent_mismatch');
      const noSubject = await call({ service: 'playback' }, 'GET', SUBS);
      expect([noSubject.status, noSubject.body.error.code]).toEqual([400, 'missing_subject']);
      const forParent = await call({ service: 'admin-studio' }, 'POST', SUBS, {
        body: { plan: 'family_monthly', parent_user_id: parent },
        headers: { 'idempotency-key': freshId('k') },
      });
      expect(forParent.status).toBe(201);
      expect((await call({ service: 'playback' }, 'GET', `${SUBS}?parent_user_id=${parent}`)).body.subscriptions).toEqual([forParent.body]);
      const anonymous = await call(null, 'GET', SUBS);
      expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'missing_identity']);
    });

    it('cancels at period end: still active until then, again answers the same, others see 404', async () => {
      const parent = freshId('p');
      const created = (await subscribe(parent)).body;
      const path = `${SUBS}/${created.subscription_id}`;
      const stranger = await call({ parent: freshId('q') }, 'DELETE', path);
      expect([stranger.status, stranger.body.error.code]).toEqual([404, 'subscription_not_found']);
      const canceled = await call({ parent }, 'DELETE', path);
      expect(canceled.status).toBe(200);
      expect(canceled.body).toEqual({ ...created, cancel_at_period_end: true, canceled_at: expect.any(String), status: 'active' });
      const again = await call({ parent }, 'DELETE', path);
      expect(again.body).toEqual(canceled.body);
      const byService = await call({ service: 'admin-studio' }, 'DELETE', path);
      expect([byService.status, byService.body.canceled_at]).toEqual([200, canceled.body.canceled_at]);
      for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const res = await call({ parent }, 'DELETE', `${SUBS}/${id}`);
        expect([res.status, res.body.error.code]).toEqual([404, 'subscription_not_found']);
      }
    });
  });
});
