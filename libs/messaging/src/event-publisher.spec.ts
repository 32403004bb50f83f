import { type INestApplication, Module } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { AnalyticsEventRecorded, defineEvent } from '@mikasmissions/contracts-events';
import { PersistenceModule } from '@mikasmissions/persistence';
import { bootApp, testEnv } from '@mikasmissions/testing';
import { EventPublisher } from './event-publisher';
import { InvalidEventError } from './messaging.errors';
import { MessagingModule } from './messaging.module';

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot(),
    PersistenceModule,
    MessagingModule.forRoot({ service: 'unit', relay: { enabled: false } }),
  ],
})
class PublisherModule {}

describe('EventPublisher.publish', () => {
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootApp(PublisherModule, { adapter: 'express', env: testEnv('memory') });
  });
  afterAll(() => app?.close());

  it('writes a typed payload under the registered version', async () => {
    const envelope = await app
      .get(EventPublisher)
      .publish(AnalyticsEventRecorded, { eventId: 'e1', eventType: 'play', occurredAt: '2026-11-23T10:00:00.000Z' });
    expect(envelope).toMatchObject({ type: 'analytics.event.recorded', version: 1, payload: { eventId: 'e1' } });
  });

  it('type-checks the payload against the definition (pnpm run typecheck)', async () => {
    const publisher = app.get(EventPublisher);
    // @ts-expect-error `eventType` is missing, `kind` is not a field
    const wrong = publisher.publish(AnalyticsEventRecorded, { eventId: 'e1', kind: 'play', occurredAt: '2026-11-23T10:00:00.000Z' });
    await expect(wrong).rejects.toThrow(InvalidEventError);
  });

  it('rejects a definition of another version than the registered contract', async () => {
    const RecordedV2 = defineEvent<{ eventId: string }>({ type: 'analytics.event.recorded', version: 2, schema: { type: 'object' } });
    await expect(app.get(EventPublisher).publish(RecordedV2, { eventId: 'e1' })).rejects.toThrow(
      'analytics.event.recorded v2 is not the registered contract (v1)',
    );
  });
});
