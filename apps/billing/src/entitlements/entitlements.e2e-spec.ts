import type { INestApplication } from '@nestjs/common';
import { connectEventConsumers } from '@mikasmissions/messaging';
import { ADAPTERS, baseUrl, bootApp, eventually, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { Clock } from '../clock/clock';
import { billingClient, freshId } from '../testing/billing-test-client';
import { consentVerified, deliver } from '../testing/consent-events';
import { type FakeProfile, startFakeProfile } from '../testing/fake-profile';

/** Booting with Postgres, Redis and the consumers can take a while when the machine is busy. */
const BOOT_TIMEOUT_MS = 30_000;
// Tests wait for the consumer (up to 10 s under load).
jest.setTimeout(20_000);

const ENT = '/v1/billing/entitlements';
const SUBS = '/v1/billing/subscriptions';
const DAY = 86_400_000;

describe.each(ADAPTERS)('billing entitlements on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres+redis'])('with %s stores', (stores) => {
    let app: INestApplication;
    let call: ReturnType<typeof billingClient>;
    let children: FakeProfile;
    let clock: jest.SpyInstance<Date, []>;

    beforeAll(async () => {
      children = await startFakeProfile();
      app = await bootApp(AppModule, {
        adapter,
        env: testEnv(stores, { AUTH_MODE: 'enforce', PROFILE_URL: children.url }),
        globalPrefix: 'v1',
      });
      await connectEventConsumers(app);
      call = billingClient(await baseUrl(app));
    }, BOOT_TIMEOUT_MS);
    beforeEach(() => {
      clock = jest.spyOn(app.get(Clock), 'now');
    });
    afterEach(() => clock?.mockRestore());
    afterEach(() => {
      children.mode = 'ok';
    });
    afterAll(async () => {
      await app.close();
      await children.close();
    });

    const at = (instant: Date | number) => clock.mockReturnValue(new Date(instant));
    const entitlement = (query: string, caller: Parameters<typeof call>[0] = { service: 'playback' }) =>
      call(caller, 'GET', `${ENT}?${query}`);
    const subscribe = (parent: string) =>
      call({ parent }, 'POST', SUBS, { body: { plan: 'family_monthly' }, headers: { 'idempotency-key': freshId('k') } });
    const grantTrial = async (parent: string, verifiedAt: Date) => {
      await deliver(
        app,
        consentVerified({ parentUserId: parent, consentId: freshId('c'), method: 'email_plus', verifiedAt: verifiedAt.toISOString() }),
      );
      const listed = await eventually(
        () => call({ parent }, 'GET', SUBS),
        (res) => res.body.subscriptions.length > 0,
      );
      expect(listed.body.subscriptions).toHaveLength(1);
      return listed.body.subscriptions[0];
    };

    it('400 missing_subject without a parent or a child; 400 validation_failed for a malformed id', async () => {
      const none = await call({ service: 'playback' }, 'GET', ENT);
      expect([none.status, none.body.error.code]).toEqual([400, 'missing_subject']);
      const parentNone = await call({ parent: freshId('p') }, 'GET', ENT);
      expect([parentNone.status, parentNone.body.error.code]).toEqual([400, 'missing_subject']);
      const bad = await entitlement('parent_user_id=%2E%2E%2Fx');
      expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    });

    it('404 entitlement_not_found for a parent that never had a subscription, and for a child profile does not know', async () => {
      const res = await entitlement(`parent_user_id=${freshId('p')}`);
      expect([res.status, res.body.error.code]).toEqual([404, 'entitlement_not_found']);
      const child = await entitlement(`child_profile_id=${freshId('k')}`);
      expect([child.status, child.body.error.code]).toEqual([404, 'entitlement_not_found']);
    });

    it('a trial granted at consent is active until exactly 14 days after the verification, then active:false', async () => {
      const parent = freshId('p');
      const verifiedAt = new Date('2026-12-01T10:00:00.000Z');
      const trial = await grantTrial(parent, verifiedAt);
      expect(trial).toMatchObject({
        plan: 'trial',
        current_period_start: verifiedAt.toISOString(),
        current_period_end: '2026-12-15T10:00:00.000Z',
      });
      at(verifiedAt.getTime() + 14 * DAY - 1);
      expect((await entitlement(`parent_user_id=${parent}`)).body).toEqual({ parent_user_id: parent, plan: 'trial', active: true });
      at(verifiedAt.getTime() + 14 * DAY);
      expect((await entitlement(`parent_user_id=${parent}`)).body).toEqual({ parent_user_id: parent, plan: 'trial', active: false });
      expect((await call({ parent }, 'GET', SUBS)).body.subscriptions[0].status).toBe('expired');
    });

    it('a trial can be upgraded: the paid plan is the entitlement while the trial still runs', async () => {
      const parent = freshId('p');
      const now = new Date('2026-12-02T08:00:00.000Z');
      await grantTrial(parent, new Date('2026-12-01T10:00:00.000Z'));
      at(now);
      expect((await subscribe(parent)).status).toBe(201);
      expect((await entitlement(`parent_user_id=${parent}`)).body).toEqual({
        parent_user_id: parent,
        plan: 'family_monthly',
        active: true,
      });
    });

    it('a cancelled subscription entitles until its period end and is active:false from that instant', async () => {
      const parent = freshId('p');
      at(new Date('2027-01-31T12:00:00.000Z'));
      const created = (await subscribe(parent)).body;
      expect(created.current_period_end).toBe('2027-02-28T12:00:00.000Z');
      const canceled = await call({ parent }, 'DELETE', `${SUBS}/${created.subscription_id}`);
      expect(canceled.body).toMatchObject({ status: 'active', cancel_at_period_end: true, canceled_at: '2027-01-31T12:00:00.000Z' });
      at(Date.parse(created.current_period_end) - 1);
      expect((await entitlement(`parent_user_id=${parent}`, { parent })).body).toEqual({
        parent_user_id: parent,
        plan: 'family_monthly',
        active: true,
      });
      at(Date.parse(created.current_period_end));
      expect((await entitlement(`parent_user_id=${parent}`, { parent })).body).toEqual({
        parent_user_id: parent,
        plan: 'family_monthly',
        active: false,
      });
      expect((await call({ parent }, 'GET', SUBS)).body.subscriptions[0].status).toBe('canceled');
    });

    it('409 subscription_ended when cancelling a subscription whose period is over', async () => {
      const parent = freshId('p');
      at(new Date('2026-12-01T00:00:00.000Z'));
      const created = (await subscribe(parent)).body;
      at(Date.parse(created.current_period_end));
      const res = await call({ parent }, 'DELETE', `${SUBS}/${created.subscription_id}`);
      expect([res.status, res.body.error.code]).toEqual([409, 'subscription_ended']);
    });

    it('resolves a child to its parent; a parent reads only its own (parent_mismatch, child_profile_forbidden)', async () => {
      const parent = freshId('p');
      const child = freshId('k');
      const otherChild = freshId('k');
      children.grant(parent, child);
      children.grant(freshId('q'), otherChild);
      expect((await subscribe(parent)).status).toBe(201);
      const expected = { parent_user_id: parent, plan: 'family_monthly', active: true };
      expect((await entitlement(`child_profile_id=${child}`)).body).toEqual(expected);
      expect((await entitlement(`child_profile_id=${child}`, { parent })).body).toEqual(expected);
      expect((await entitlement(`parent_user_id=${parent}&child_profile_id=${child}`, { parent })).body).toEqual(expected);
      const mismatch = await entitlement(`parent_user_id=${freshId('q')}`, { parent });
      expect([mismatch.status, mismatch.body.error.code]).toEqual([403, 'parent_mismatch']);
      for (const query of [`child_profile_id=${otherChild}`, `child_profile_id=${freshId('unknown')}`]) {
        const res = await entitlement(query, { parent });
        expect([res.status, res.body.error.code]).toEqual([403, 'child_profile_forbidden']);
      }
      const wrongPair = await entitlement(`parent_user_id=${parent}&child_profile_id=${otherChild}`);
      expect([wrongPair.status, wrongPair.body.error.code]).toEqual([403, 'child_profile_forbidden']);
      const anonymous = await call(null, 'GET', `${ENT}?parent_user_id=${parent}`);
      expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'missing_identity']);
      expect(children.unsigned).toBe(0);
    });

    it('503 profile_unavailable with Retry-After when profile fails or cannot be reached; a parent-only read does not need it', async () => {
      const parent = freshId('p');
      const child = freshId('k');
      children.grant(parent, child);
      expect((await subscribe(parent)).status).toBe(201);
      children.mode = 'error';
      const failing = await entitlement(`child_profile_id=${child}`);
      expect([failing.status, failing.body.error.code]).toEqual([503, 'profile_unavailable']);
      expect(Number(failing.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await entitlement(`parent_user_id=${parent}`)).body.active).toBe(true);
    });
  });
});
