import { Body, Controller, HttpCode, type INestApplication, Module, Post } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { MediaUploaded, type MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { PersistenceModule } from '@mikasmissions/persistence';
import { bootApp } from '@mikasmissions/testing';
import { connectEventConsumers } from '../connect-event-consumers';
import type { EventEnvelope } from '../event-envelope';
import { EventPublisher } from '../event-publisher';
import { MessagingModule } from '../messaging.module';
import { OnEvent } from '../on-event.decorator';

/**
 * The two-sided app pair the transport specs run (Redis Streams, Redis Cluster): an uploader
 * whose `POST /uploads {episodeId}` publishes `media.uploaded` through the outbox, and
 * consumers that record each delivery.
 */
@Controller('uploads')
export class UploadsController {
  constructor(private readonly events: EventPublisher) {}

  @Post()
  @HttpCode(202)
  async upload(@Body() body: { episodeId: string }): Promise<{ eventId: string }> {
    const envelope = await this.events.transaction(() =>
      this.events.publish(MediaUploaded, { episodeId: body.episodeId, creatorId: 'c-1', sourceUrl: 's3://clips/1.mp4' }),
    );
    return { eventId: envelope.id };
  }
}

/** One delivery a consumer recorded: which replica handled which episode. */
export interface Delivery {
  replica: string;
  episodeId: string;
}

/** A consumer controller that appends each `media.uploaded` it handles, as `replica`, to `sink`. */
export function consumerOf(replica: string, sink: Delivery[]): new (...args: never[]) => object {
  @Controller()
  class MediaConsumer {
    @OnEvent(MediaUploaded)
    onUpload(@Payload() event: EventEnvelope<MediaUploadedPayload>): void {
      sink.push({ replica, episodeId: event.payload.episodeId });
    }
  }
  return MediaConsumer;
}

/** Boots `controller` as messaging service `service` on `env` (fast relay and consumer polling) with its consumers connected. */
export async function bootMessagingApp(
  service: string,
  controller: new (...args: never[]) => object,
  env: Record<string, string | undefined>,
): Promise<INestApplication> {
  @Module({
    imports: [
      PlatformConfigModule.forRoot(),
      ContextModule.forRoot(),
      PersistenceModule,
      MessagingModule.forRoot({ service, relay: { pollIntervalMs: 50 }, consumer: { blockMs: 200 } }),
    ],
    controllers: [controller],
  })
  class AppModule {}
  const app = await bootApp(AppModule, { adapter: 'express', env });
  await connectEventConsumers(app);
  return app;
}

/** Resolves once `check()` holds, polling every 25 ms; rejects after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}
