import type { INestApplication } from '@nestjs/common';
import { connectEventConsumers } from '@mikasmissions/messaging';
import { createPgPool } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, eventually, testDatabaseUrl, testEnv, type TestStores } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { AppModule } from '../app.module';
import type { TestPaymentProvider } from '../payments/adapters/test-payment-provider';
import { PaymentProvider } from '../payments/payment-provider';
import { billingClient, freshId } from '../testing/billing-test-client';
import { consentVerified, deliver } from '../testing/consent-events';

/** Booting with Postgres, Redis and the consumers can take a while when the machine is busy. */
const BOOT_TIMEOUT_MS = 30_000;
// Tests wait for the consumer (up to 10 s under load).
jest.setTimeout(20_000);

const SUBS = '/v1/billing/subscriptions';

describe.each(ADAPTERS)('consent.verified → trial, and subscription.changed in the outbox, on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres+redis'])('with %s stores', (stores) => {
    let app: INestApplication;
    let call: ReturnType<typeof billingClient>;
    let pool: Pool | undefined;

    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv(stores, { AUTH_MODE: 'enforce' }), globalPrefix: 'v1' });
      expect(await connectEventConsumers(app)).toBe(true);
      call = billingClient(await baseUrl(app));
      if (stores !== 'memory') pool = createPgPool(testDatabaseUrl(), 1);
    }, BOOT_TIMEOUT_MS);
    afterAll(async () => {
      await app.close();
      await pool?.end();
    });

    /** The `subscription.changed` payloads the outbox holds for `parent` (Postgres only). */
    const outboxOf = async (parent: string) =>
      (
        await pool!.query<{ payload: Record<string, unknown> }>(
          `SELECT payload->'payload' AS payload FROM billing.outbox WHERE type = 'subscription.changed' AND payload->'payload'->>'parentId' = $1 ORDER BY seq`,
          [parent],
        )
      ).rows.map((row) => row.payload);

    it('grants one trial even when consent.verified is delivered twice, or a second consent arrives', async () => {
      const parent = freshId('p');
      const event = consentVerified({
        parentUserId: parent,
        consentId: freshId('c'),
        method: 'card',
        verifiedAt: '2026-12-01T10:00:00.000Z',
      });
      await deliver(app, event, event);
      const first = await eventually(
        () => call({ parent }, 'GET', SUBS),
        (res) => res.body.subscriptions.length > 0,
      );
      await deliver(
        app,
        consentVerified({ parentUserId: parent, consentId: freshId('c'), method: 'email_plus', verifiedAt: '2026-12-03T10:00:00.000Z' }),
      );
      const marker = freshId('p');
      await deliver(
        app,
        consentVerified({ parentUserId: marker, consentId: freshId('c'), method: 'card', verifiedAt: '2026-12-03T10:00:00.000Z' }),
      );
      await eventually(
        () => call({ parent: marker }, 'GET', SUBS),
        (res) => res.body.subscriptions.length > 0,
      );
      const after = await call({ parent }, 'GET', SUBS);
      expect(after.body.subscriptions).toEqual(first.body.subscriptions);
      expect(after.body.subscriptions).toEqual([
        expect.objectContaining({
          plan: 'trial',
          current_period_start: '2026-12-01T10:00:00.000Z',
          current_period_end: '2026-12-15T10:00:00.000Z',
          cancel_at_period_end: false,
        }),
      ]);
      if (pool) {
        expect(await outboxOf(parent)).toEqual([
          {
            parentId: parent,
            plan: 'trial',
            status: 'active',
            subscriptionId: after.body.subscriptions[0].subscription_id,
            activeUntil: '2026-12-15T10:00:00.000Z',
            cancelAtPeriodEnd: false,
          },
        ]);
      }
    });

    // The memory outbox is not readable from outside; Postgres shows the rows the transaction committed.
    (stores === 'memory' ? it.skip : it)(
      'subscribe and cancel each write one subscription.changed with the change; a declined charge writes none',
      async () => {
        const parent = freshId('p');
        const created = await call({ parent }, 'POST', SUBS, {
          body: { plan: 'family_monthly' },
          headers: { 'idempotency-key': freshId('k') },
        });
        expect(created.status).toBe(201);
        const id = created.body.subscription_id;
        await call({ parent }, 'DELETE', `${SUBS}/${id}`);
        const until = created.body.current_period_end;
        expect(await outboxOf(parent)).toEqual([
          { parentId: parent, plan: 'family_monthly', status: 'active', subscriptionId: id, activeUntil: until, cancelAtPeriodEnd: false },
          { parentId: parent, plan: 'family_monthly', status: 'canceled', subscriptionId: id, activeUntil: until, cancelAtPeriodEnd: true },
        ]);
        const declinedParent = freshId('p');
        const provider = app.get<TestPaymentProvider>(PaymentProvider);
        provider.willRespond('decline');
        try {
          const declined = await call({ parent: declinedParent }, 'POST', SUBS, {
            body: { plan: 'family_monthly' },
            headers: { 'idempotency-key': freshId('k') },
          });
          expect(declined.status).toBe(402);
        } finally {
          provider.willRespond('approve');
        }
        expect(await outboxOf(declinedParent)).toEqual([]);
      },
    );
  });
});
