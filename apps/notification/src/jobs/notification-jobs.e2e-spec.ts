import type { INestApplication } from '@nestjs/common';
import { connectEventConsumers } from '@mikasmissions/messaging';
import { bootApp, testEnv } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { CaptureSender } from '../senders/adapters/capture.sender';
import { NotificationSender } from '../senders/notification-sender';
import { startFakeFamily, type FakeFamily } from '../testing/fake-family';
import { freshId } from '../testing/notification-client';
import { consentVerified, deliver, episodePublished, eventually } from '../testing/notification-events';

jest.setTimeout(30_000);

describe('the schedules (NOTIFICATION_JOBS_ENABLED=true, Postgres + Redis)', () => {
  let app: INestApplication;
  let family: FakeFamily;
  let sender: CaptureSender;

  beforeAll(async () => {
    family = await startFakeFamily();
    const env = testEnv('postgres+redis', {
      IDENTITY_URL: family.url,
      PROFILE_URL: family.url,
      NOTIFICATION_SENDER: 'capture',
      NOTIFICATION_DISPATCH_INTERVAL_MS: '200',
      NOTIFICATION_DIGEST_FLUSH_MS: '200',
    });
    app = await bootApp(AppModule, { adapter: 'express', env, globalPrefix: 'v1' });
    expect(await connectEventConsumers(app)).toBe(true);
    sender = app.get<CaptureSender>(NotificationSender);
  }, 30_000);
  afterAll(async () => {
    await app.close();
    await family.close();
  });

  it('sends a welcome without any trigger, and flushes the digest of a day that has ended on its own schedule', async () => {
    const id = freshId('jobs');
    const email = `${id}@example.com`;
    family.add(id, { email, marketing: true, bands: ['3-5'] });
    await deliver(
      app,
      consentVerified({ parentUserId: id, consentId: freshId('c'), method: 'card', verifiedAt: new Date().toISOString() }),
    );
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    await deliver(
      app,
      episodePublished({ episodeId: freshId('ep'), missionId: 'm', ageRating: '3+', title: 'Yesterday’s song', publishedAt: yesterday }),
    );
    const got = await eventually(
      () =>
        sender
          .to(email)
          .map((m) => m.subject)
          .sort(),
      (subjects) => subjects.length >= 2,
      15_000,
    );
    expect(got).toEqual(['New on MikasMissions: 1 episode', 'Welcome to MikasMissions']);
  });
});
