import type { INestApplication } from '@nestjs/common';
import type { CaptureSender } from '../senders/adapters/capture.sender';
import type { FakeFamily } from '../testing/fake-family';
import { freshId, type notificationClient } from '../testing/notification-client';
import { type NotificationTestApp, startNotificationApp } from '../testing/notification-test-app';
import { consentVerified, deliver, episodePublished, eventually, subscriptionChanged } from '../testing/notification-events';

jest.setTimeout(30_000);

const DAY = '2026-12-01';

/**
 * The parent's language end to end inside the app: the fake identity answers each contact with
 * its signup `language`, and the digest, the welcome and the receipt come out in it. Memory
 * stores: the words do not depend on the store (notification.e2e-spec.ts runs the same paths on
 * Postgres), and a second Postgres app in this run would dispatch the other file's deliveries.
 */
describe("notification in the parent's language", () => {
  let app: INestApplication;
  let family: FakeFamily;
  let sender: CaptureSender;
  let call: ReturnType<typeof notificationClient>;
  const svc = { service: 'test' };

  let harness: NotificationTestApp;

  beforeAll(async () => {
    harness = await startNotificationApp('memory');
    ({ app, family, sender, call } = harness);
  }, 30_000);
  afterAll(() => harness.close());

  const dispatchAll = async () => {
    for (let i = 0; i < 10; i++)
      if ((await call(svc, 'POST', '/internal/notifications/deliveries/dispatch', {})).body.claimed === 0) return;
  };
  const flush = () => call(svc, 'POST', '/internal/notifications/digests/flush', { now: '2026-12-02T00:00:01.000Z' });
  const recorded = (parentId: string, count: number) =>
    eventually(
      async () => (await call(svc, 'GET', `/internal/notifications/deliveries?parent_user_id=${parentId}`)).body.deliveries,
      (rows: unknown[]) => rows.length >= count,
    );
  const parent = (label: string, bands: string[], language: string) => {
    const id = freshId(label);
    family.add(id, { email: `${id}@example.com`, marketing: true, bands, language });
    return { id, email: `${id}@example.com` };
  };

  it('writes to each parent in its signup language: German for de-AT, Spanish for es, the default (en) for fr', async () => {
    const [de, es, fr] = [parent('lang-de', ['12-16'], 'de-AT'), parent('lang-es', [], 'es'), parent('lang-fr', [], 'fr')];
    const episode = { missionId: 'm5', ageRating: '12+', publishedAt: `${DAY}T07:00:00.000Z` } as const;
    await deliver(
      app,
      episodePublished({ ...episode, episodeId: freshId('ep'), title: 'Vulkane' }),
      episodePublished({ ...episode, episodeId: freshId('ep'), title: '' }),
      consentVerified({ parentUserId: de.id, consentId: freshId('c'), method: 'card', verifiedAt: `${DAY}T10:00:00.000Z` }),
      subscriptionChanged({ parentId: de.id, plan: 'family_monthly', status: 'canceled', activeUntil: '2027-01-01T00:00:00.000Z' }),
      consentVerified({ parentUserId: es.id, consentId: freshId('c'), method: 'card', verifiedAt: `${DAY}T10:00:00.000Z` }),
      consentVerified({ parentUserId: fr.id, consentId: freshId('c'), method: 'card', verifiedAt: `${DAY}T10:00:00.000Z` }),
    );
    await Promise.all([recorded(de.id, 2), recorded(es.id, 1), recorded(fr.id, 1)]);
    await eventually(
      async () => {
        await flush();
        await dispatchAll();
        return sender.to(de.email).length;
      },
      (n) => n >= 3,
    );
    const german = Object.fromEntries(sender.to(de.email).map((m) => [m.subject.split(':')[0], m.text]));
    expect(Object.keys(german).sort()).toEqual(['Dein MikasMissions-Abo', 'Neu bei MikasMissions', 'Willkommen bei MikasMissions']);
    expect(german['Neu bei MikasMissions']).toMatch(/^Neue Folgen für deine Familie am 1\. Dezember 2026:\n/);
    expect(
      german['Neu bei MikasMissions']
        .split('\n')
        .filter((l) => l.startsWith('- '))
        .sort(),
    ).toEqual(['- Eine neue Folge', '- Vulkane']);
    expect(german['Dein MikasMissions-Abo']).toBe(
      'Dein Abo family_monthly ist gekündigt. Es bleibt bis zum 1. Januar 2027 aktiv und verlängert sich nicht.',
    );
    expect(sender.to(es.email).map((m) => m.subject)).toEqual(['Te damos la bienvenida a MikasMissions']);
    expect(sender.to(fr.email).map((m) => m.subject)).toEqual(['Welcome to MikasMissions']);
  });
});
