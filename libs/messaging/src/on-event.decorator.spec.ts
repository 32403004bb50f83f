import { Controller, Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { EventPattern, Payload } from '@nestjs/microservices';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { defineEvent, MediaUploaded, type MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { PersistenceModule } from '@mikasmissions/persistence';
import { bootApp, testEnv } from '@mikasmissions/testing';
import type { EventEnvelope } from './event-envelope';
import { MessagingConfigError } from './messaging.errors';
import { MessagingModule } from './messaging.module';
import { OnEvent, ON_EVENT_METADATA } from './on-event.decorator';

const boot = (controller: new (...args: never[]) => object) => {
  @Module({
    imports: [PlatformConfigModule.forRoot(), ContextModule.forRoot(), PersistenceModule, MessagingModule.forRoot({ service: 'unit' })],
    controllers: [controller],
  })
  class ConsumerModule {}
  return bootApp(ConsumerModule, { adapter: 'express', env: testEnv('memory') });
};

describe('@OnEvent', () => {
  it("is Nest's @EventPattern of the event's type, and keeps the definition for the start-up check", () => {
    class Consumer {
      @OnEvent(MediaUploaded)
      onUpload(@Payload() event: EventEnvelope<MediaUploadedPayload>): string {
        return event.payload.episodeId;
      }
    }
    expect(Reflect.getMetadata(PATTERN_METADATA, Consumer.prototype.onUpload)).toEqual(['media.uploaded']);
    expect(new Reflector().get(ON_EVENT_METADATA, Consumer.prototype.onUpload)).toBe(MediaUploaded);
  });

  it('type-checks the handler against the payload type (pnpm run typecheck)', () => {
    class Consumers {
      // @ts-expect-error the handler expects a field media.uploaded does not carry
      @OnEvent(MediaUploaded)
      wrongField(event: EventEnvelope<{ durationSeconds: number }>): number {
        return event.payload.durationSeconds;
      }

      @OnEvent(MediaUploaded)
      someFields(event: EventEnvelope<{ episodeId: string }>, _ctx: unknown): string {
        return event.payload.episodeId;
      }
    }
    expect(Consumers).toBeDefined();
  });

  it('rejects what is not an event definition when the class is defined', () => {
    expect(() => OnEvent('media.uploaded' as never)).toThrow(MessagingConfigError);
  });

  it('stops the app at start-up when a consumer has an event type without a contract', async () => {
    const MediaLost = defineEvent<{ episodeId: string }>({ type: 'media.lost', version: 1, schema: { type: 'object' } });
    @Controller()
    class UnknownConsumers {
      @OnEvent(MediaLost)
      onLost(): void {}

      @EventPattern('media.vanished')
      onVanished(): void {}

      @OnEvent(MediaUploaded)
      onUpload(): void {}
    }
    const booting = boot(UnknownConsumers);
    await expect(booting).rejects.toThrow(MessagingConfigError);
    await expect(booting).rejects.toThrow(
      'messaging: UnknownConsumers.onLost: @OnEvent("media.lost") has no contract in libs/contracts-events (add it to PLATFORM_EVENT_CONTRACTS or MessagingModule.forRoot({ contracts })); ' +
        'UnknownConsumers.onVanished: @EventPattern("media.vanished") consumes an event type with no contract in libs/contracts-events',
    );
  });

  it('boots with consumers of registered event types', async () => {
    @Controller()
    class KnownConsumers {
      @OnEvent(MediaUploaded)
      onUpload(): void {}

      @EventPattern('episode.published')
      onPublished(): void {}
    }
    const app = await boot(KnownConsumers);
    await app.close();
  });
});
