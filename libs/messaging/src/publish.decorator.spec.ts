import { Controller, Module, Post } from '@nestjs/common';
import { AnalyticsEventRecorded, defineEvent, MediaUploaded } from '@mikasmissions/contracts-events';
import { MessagingConfigError } from './messaging.errors';
import { MessagingModule } from './messaging.module';
import { Publish, PUBLISH_METADATA } from './publish.decorator';
import { bootApp, testEnv } from '@mikasmissions/testing';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PersistenceModule } from '@mikasmissions/persistence';
import { Reflector } from '@nestjs/core';

interface Recorded {
  id: string;
  type: string;
  at: string;
}
const toPayload = (r: Recorded) => ({ eventId: r.id, eventType: r.type, occurredAt: r.at });

const bootWith = (controller: new () => object, contracts = [] as ReturnType<typeof defineEvent>[]) => {
  @Module({
    imports: [
      PlatformConfigModule.forRoot(),
      ContextModule.forRoot(),
      PersistenceModule,
      MessagingModule.forRoot({ service: 'unit', contracts }),
    ],
    controllers: [controller],
  })
  class BadModule {}
  return bootApp(BadModule, { adapter: 'express', env: testEnv('memory') });
};

describe('@Publish', () => {
  it('stores its event definition and options as metadata for the publish stage', () => {
    class Handler {
      @Publish(AnalyticsEventRecorded, { map: toPayload })
      handle(): Recorded {
        return { id: '1', type: 'play', at: '2026-01-01T00:00:00Z' };
      }
    }
    expect(new Reflector().get(PUBLISH_METADATA, Handler.prototype.handle)).toEqual({ event: AnalyticsEventRecorded, map: toPayload });
  });

  it('type-checks map against the payload type and the handler against map (pnpm run typecheck)', () => {
    class Handlers {
      @Publish(AnalyticsEventRecorded, {
        // @ts-expect-error a field the payload type does not have
        map: (r: Recorded) => ({ eventId: r.id, eventType: r.type, occurredAt: r.at, extra: 1 }),
      })
      extraField(): Recorded {
        return { id: '1', type: 'play', at: 'now' };
      }

      // @ts-expect-error the payload lacks `occurredAt`
      @Publish(AnalyticsEventRecorded, { map: (r: Recorded) => ({ eventId: r.id, eventType: r.type }) })
      missingField(): Recorded {
        return { id: '1', type: 'play', at: 'now' };
      }

      // @ts-expect-error the handler returns something map does not take
      @Publish(AnalyticsEventRecorded, { map: toPayload })
      wrongResult(): Promise<{ nope: true }> {
        return Promise.resolve({ nope: true });
      }

      // @ts-expect-error without map, the handler must return the payload itself
      @Publish(MediaUploaded)
      noMap(): Recorded {
        return { id: '1', type: 'play', at: 'now' };
      }

      @Publish(MediaUploaded, { aggregateId: (p) => p.episodeId })
      payloadItself(): Promise<{ episodeId: string; creatorId: string; sourceUrl: string }> {
        return Promise.resolve({ episodeId: 'e1', creatorId: 'c1', sourceUrl: 's3://x' });
      }
    }
    expect(Handlers).toBeDefined();
  });

  it('rejects what is not an event definition, and bad options, when the class is defined', () => {
    expect(() => Publish('media.uploaded' as never)).toThrow(MessagingConfigError);
    expect(() => Publish(MediaUploaded, { map: 'nope' as never })).toThrow('@Publish("media.uploaded"): option "map" must be a function');
  });

  it('fails the start-up when an @Publish event has no registered contract', async () => {
    const MediaVanished = defineEvent<{ episodeId: string }>({ type: 'media.vanished', version: 1, schema: { type: 'object' } });
    @Controller('x')
    class UnknownEventController {
      @Post()
      @Publish(MediaVanished)
      create(): { episodeId: string } {
        return { episodeId: 'e1' };
      }
    }
    await expect(bootWith(UnknownEventController)).rejects.toThrow(
      'UnknownEventController.create: @Publish("media.vanished") has no contract in libs/contracts-events',
    );
  });

  it('fails the start-up when an @Publish event is another version than the registered contract', async () => {
    const RecordedV2 = defineEvent<{ eventId: string }>({ type: 'analytics.event.recorded', version: 2, schema: { type: 'object' } });
    @Controller('x')
    class StaleVersionController {
      @Post()
      @Publish(RecordedV2)
      create(): { eventId: string } {
        return { eventId: 'e1' };
      }
    }
    await expect(bootWith(StaleVersionController)).rejects.toThrow(
      'StaleVersionController.create: @Publish("analytics.event.recorded") uses v2, but the registered contract is v1',
    );
  });

  it('rejects bad module options at start-up', () => {
    expect(() => MessagingModule.forRoot({ service: 'Bad Name' })).toThrow('service must be a lowercase name');
    expect(() => MessagingModule.forRoot({ service: 'ok', relay: { batchSize: 0 } })).toThrow('relay.batchSize must be a positive number');
  });
});
