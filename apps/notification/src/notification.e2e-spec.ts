import type { INestApplication } from '@nestjs/common';
import type { TestStores } from '@mikasmissions/testing';
import { DigestRepository } from './digest/digest.repository';
import type { CaptureSender } from './senders/adapters/capture.sender';
import type { FakeFamily } from './testing/fake-family';
import { freshId, type notificationClient } from './testing/notification-client';
import { type NotificationTestApp, startNotificationApp } from './testing/notification-test-app';
import { consentVerified, deliver, episodePublished, eventually, subscriptionChanged } from './testing/notification-events';

jest.setTimeout(30_000);

const PREFS = '/v1/parents/notifications/preferences';
const DAY = '2026-12-01';
const NEXT_DAY = '2026-12-02T00:00:01.000Z';

describe.each<TestStores>(['memory', 'postgres+redis'])('notification with %s stores', (stores) => {
  let app: INestApplication;
  let family: FakeFamily;
  let sender: CaptureSender;
  let call: ReturnType<typeof notificationClient>;
  const svc = { service: 'test' };

  let harness: NotificationTestApp;

  beforeAll(async () => {
    harness = await startNotificationApp(stores, {
      NOTIFICATION_RETRY_BASE_MS: '1',
      NOTIFICATION_RETRY_MAX_MS: '1',
      NOTIFICATION_SEND_MAX_ATTEMPTS: '3',
      MESSAGING_RETRY_BASE_MS: '50',
      MESSAGING_RETRY_MAX_MS: '200',
    });
    ({ app, family, sender, call } = harness);
  }, 30_000);
  afterAll(() => harness.close());

  /** Runs a dispatch pass until nothing is due (retries included: their backoff is 1 ms here). */
  const dispatchAll = async () => {
    for (let i = 0; i < 10; i++) {
      const res = await call(svc, 'POST', '/internal/notifications/deliveries/dispatch', {});
      expect(res.status).toBe(200);
      if (res.body.claimed === 0) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const flush = (now = NEXT_DAY) => call(svc, 'POST', '/internal/notifications/digests/flush', { now });
  const deliveriesOf = async (parent: string) =>
    (await call(svc, 'GET', `/internal/notifications/deliveries?parent_user_id=${parent}`)).body.deliveries;
  const parent = (label: string, bands: string[], marketing = true, language?: string) => {
    const id = freshId(label);
    family.add(id, { email: `${id}@example.com`, marketing, bands, ...(language ? { language } : {}) });
    return { id, email: `${id}@example.com` };
  };
  /** Delivers the events, then waits until `parentId` has `count` deliveries recorded. */
  const recorded = (parentId: string, count: number) =>
    eventually(
      () => deliveriesOf(parentId),
      (rows) => rows.length >= count,
    );

  it('sends one digest listing both new episodes to a parent with a child in the band, none to a parent without', async () => {
    const withChild = parent('with', ['6-11']);
    const without = parent('without', ['3-5']);
    const published = `${DAY}T09:00:00.000Z`;
    const first = episodePublished({
      episodeId: freshId('ep'),
      missionId: 'm1',
      ageRating: '6+',
      title: 'Counting stars',
      publishedAt: published,
    });
    const second = episodePublished({
      episodeId: freshId('ep'),
      missionId: 'm1',
      ageRating: '9+',
      title: 'Ocean friends',
      publishedAt: published,
    });
    await deliver(app, first, second, first);
    const digests = app.get(DigestRepository);
    const collected = await eventually(
      async () => (await digests.due(new Date(NEXT_DAY), 10_000)).find((d) => d.parentUserId === withChild.id)?.episodes.length ?? 0,
      (n) => n >= 2,
    );
    expect(collected).toBe(2);
    expect((await flush()).body.digests).toBeGreaterThanOrEqual(1);
    await dispatchAll();
    expect((await flush('2026-12-01T23:59:00.000Z')).body).toEqual({ digests: 0, skipped: 0, deferred: 0 });
    const mine = sender.to(withChild.email);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ channel: 'email', subject: 'New on MikasMissions: 2 episodes' });
    // One line per episode; their order is the order the consumer collected them in (parallel lanes).
    expect(
      mine[0].text
        .split('\n')
        .filter((line) => line.startsWith('- '))
        .sort(),
    ).toEqual(['- Counting stars', '- Ocean friends']);
    expect(mine[0].text).not.toMatch(/6-11|child/i);
    expect(sender.to(without.email)).toEqual([]);
    await flush('2026-12-03T00:00:00.000Z');
    await dispatchAll();
    expect(sender.to(withChild.email)).toHaveLength(1);
    expect(await deliveriesOf(withChild.id)).toEqual([
      expect.objectContaining({ kind: 'digest', status: 'sent', attempts: 1, channel: 'email' }),
    ]);
  });

  it('keeps an episode.published that arrives while profile is down, and collects it once profile answers again', async () => {
    const p = parent('outage', ['3-5']);
    family.profileMode = 'down';
    try {
      await deliver(
        app,
        episodePublished({
          episodeId: freshId('ep'),
          missionId: 'm4',
          ageRating: '3+',
          title: 'Rainy day',
          publishedAt: `${DAY}T08:00:00.000Z`,
        }),
      );
      await eventually(
        () => family.requests.filter((path) => path === '/internal/age-bands/3-5/parents').length,
        (n) => n >= 2,
      );
    } finally {
      family.profileMode = 'ok';
    }
    const digests = app.get(DigestRepository);
    const collected = await eventually(
      async () => (await digests.due(new Date(NEXT_DAY), 10_000)).find((d) => d.parentUserId === p.id)?.episodes.map((e) => e.title),
      (titles) => titles !== undefined,
    );
    expect(collected).toEqual(['Rainy day']);
  });

  it('honours the digest opt-out and marketing: false from signup, unless the parent turns the digest on', async () => {
    const optedOut = parent('optout', ['12-16']);
    const noMarketing = parent('nomarketing', ['12-16'], false);
    const optedIn = parent('optin', ['12-16'], false);
    const put = await call({ parent: optedOut.id }, 'PUT', PREFS, { digest: false });
    expect(put.body).toMatchObject({ digest: false, receipts: true, welcome: true, marketing: true, timezone: 'UTC' });
    expect((await call({ parent: noMarketing.id }, 'GET', PREFS)).body).toMatchObject({
      digest: false,
      marketing: false,
      updated_at: null,
    });
    expect((await call({ parent: optedIn.id }, 'PUT', PREFS, { digest: true })).body).toMatchObject({ digest: true, marketing: false });
    await deliver(
      app,
      episodePublished({
        episodeId: freshId('ep'),
        missionId: 'm3',
        ageRating: '12+',
        title: 'Teen science',
        publishedAt: `${DAY}T12:00:00.000Z`,
      }),
    );
    await eventually(
      async () => {
        await flush();
        await dispatchAll();
        return sender.to(optedIn.email).length;
      },
      (n) => n > 0,
    );
    expect(sender.to(optedIn.email)).toHaveLength(1);
    expect(sender.to(optedOut.email)).toEqual([]);
    expect(sender.to(noMarketing.email)).toEqual([]);
  });

  it('welcomes a parent at verified consent once, even when the event is redelivered', async () => {
    const p = parent('welcome', []);
    const event = consentVerified({
      parentUserId: p.id,
      consentId: freshId('c'),
      method: 'email_plus',
      verifiedAt: `${DAY}T10:00:00.000Z`,
    });
    await deliver(app, event, event);
    await deliver(
      app,
      consentVerified({ parentUserId: p.id, consentId: freshId('c'), method: 'card', verifiedAt: `${DAY}T11:00:00.000Z` }),
    );
    await recorded(p.id, 1);
    await dispatchAll();
    expect(sender.to(p.email)).toEqual([expect.objectContaining({ subject: 'Welcome to MikasMissions' })]);
    expect(await deliveriesOf(p.id)).toHaveLength(1);
  });

  it('sends a receipt per subscription change, once per event, and none after the receipts opt-out', async () => {
    const p = parent('receipt', []);
    const change = subscriptionChanged({
      parentId: p.id,
      plan: 'family_monthly',
      status: 'active',
      subscriptionId: 's1',
      activeUntil: '2027-01-01T00:00:00.000Z',
    });
    await deliver(app, change, change);
    await recorded(p.id, 1);
    await dispatchAll();
    expect(sender.to(p.email)).toEqual([
      expect.objectContaining({
        subject: 'Your MikasMissions subscription: family_monthly (active)',
        text: expect.stringContaining('active until January 1, 2027'),
      }),
    ]);
    expect((await call({ parent: p.id }, 'PUT', PREFS, { receipts: false })).body.receipts).toBe(false);
    await deliver(
      app,
      subscriptionChanged({ parentId: p.id, plan: 'family_monthly', status: 'canceled', subscriptionId: 's1', cancelAtPeriodEnd: true }),
    );
    const marker = parent('receipt-marker', []);
    await deliver(app, subscriptionChanged({ parentId: marker.id, plan: 'family_yearly', status: 'active' }));
    await recorded(marker.id, 1);
    await dispatchAll();
    expect(sender.to(p.email)).toHaveLength(1);
  });

  it('retries a failing sender with backoff, then keeps the delivery as failed (the dead letter) and sends it no more', async () => {
    const p = parent('failing', []);
    sender.failNext(Number.POSITIVE_INFINITY);
    try {
      const before = sender.attempts;
      await deliver(
        app,
        consentVerified({ parentUserId: p.id, consentId: freshId('c'), method: 'card', verifiedAt: `${DAY}T10:00:00.000Z` }),
      );
      await recorded(p.id, 1);
      await dispatchAll();
      const [row] = await deliveriesOf(p.id);
      expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: expect.stringContaining('SendFailedError') });
      expect(sender.attempts - before).toBe(3);
    } finally {
      sender.failNext(0);
    }
    await dispatchAll();
    expect(sender.to(p.email)).toEqual([]);
  });

  it('answers the preferences routes per the contract: 400 for bad input, 401 without identity, 503 when identity is down', async () => {
    const p = parent('prefs', []);
    expect((await call({ parent: p.id }, 'GET', PREFS)).body).toEqual({
      parent_user_id: p.id,
      digest: true,
      receipts: true,
      welcome: true,
      timezone: 'UTC',
      marketing: true,
      updated_at: null,
    });
    const tz = await call({ parent: p.id }, 'PUT', PREFS, { timezone: 'Europe/Berlin', welcome: false });
    expect(tz.body).toMatchObject({ timezone: 'Europe/Berlin', welcome: false, digest: true, updated_at: expect.any(String) });
    for (const body of [{}, { digest: 'no' }, { extra: true }])
      expect((await call({ parent: p.id }, 'PUT', PREFS, body)).body.error.code).toBe('validation_failed');
    expect((await call({ parent: p.id }, 'PUT', PREFS, { timezone: 'Mars/Olympus' })).body.error.code).toBe('invalid_timezone');
    expect((await call({ parent: p.id }, 'PUT', PREFS, undefined, '{"digest":')).body.error.code).toBe('malformed_json');
    expect((await call(null, 'GET', PREFS)).status).toBe(401);
    expect((await call(svc, 'GET', PREFS)).body.error.code).toBe('insufficient_role');
    expect((await call({ parent: freshId('ghost') }, 'GET', PREFS)).body.error.code).toBe('parent_not_found');
    family.identityMode = 'down';
    try {
      const down = await call({ parent: p.id }, 'GET', PREFS);
      expect([down.status, down.body.error.code, Number(down.headers.get('retry-after'))]).toEqual([503, 'identity_unavailable', 2]);
    } finally {
      family.identityMode = 'ok';
    }
    expect((await call({ parent: p.id }, 'GET', PREFS)).body).toMatchObject({ timezone: 'Europe/Berlin', welcome: false });
    expect(family.unsigned).toBe(0);
  });
});
