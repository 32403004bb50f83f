import type { INestApplication } from '@nestjs/common';
import { connectEventConsumers } from '@mikasmissions/messaging';
import { baseUrl, bootApp, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { CaptureSender } from '../senders/adapters/capture.sender';
import { NotificationSender } from '../senders/notification-sender';
import { startFakeFamily, type FakeFamily } from './fake-family';
import { notificationClient } from './notification-client';

/** The notification app booted for e2e tests, beside its fake identity/profile, with the capturing sender. */
export interface NotificationTestApp {
  app: INestApplication;
  family: FakeFamily;
  sender: CaptureSender;
  call: ReturnType<typeof notificationClient>;
  close(): Promise<void>;
}

/**
 * Boots AppModule on `stores` in enforce mode against a fake family (identity and profile), with
 * the capturing sender and the scheduled jobs off (tests drive dispatch and flush), plus `env`;
 * fails unless its event consumers connected.
 */
export async function startNotificationApp(stores: TestStores, env: Record<string, string> = {}): Promise<NotificationTestApp> {
  const family = await startFakeFamily();
  const app = await bootApp(AppModule, {
    adapter: 'express',
    env: testEnv(stores, {
      AUTH_MODE: 'enforce',
      IDENTITY_URL: family.url,
      PROFILE_URL: family.url,
      NOTIFICATION_SENDER: 'capture',
      NOTIFICATION_JOBS_ENABLED: 'false',
      ...env,
    }),
    globalPrefix: 'v1',
  });
  if (!(await connectEventConsumers(app))) throw new Error('notification: its event consumers did not connect');
  return {
    app,
    family,
    sender: app.get<CaptureSender>(NotificationSender),
    call: notificationClient(await baseUrl(app)),
    close: async () => {
      await app.close();
      await family.close();
    },
  };
}
