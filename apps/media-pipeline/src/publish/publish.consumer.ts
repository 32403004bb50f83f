import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EpisodePublished, MediaRejected, MediaTranscoded, type MediaTranscodedPayload } from '@mikasmissions/contracts-events';
import { ConsumerGroup, EventPublisher, type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { PublishService } from './publish.service';

/**
 * The publish stage's consumer of `media.transcoded` (inbox dedupe by libs/messaging) — a
 * temporary pass-through without moderation, see {@link PublishService}: publishes
 * `episode.published` (catalog projects it) or `media.rejected`.
 */
@ConsumerGroup('media-pipeline.publish')
@Controller()
export class PublishConsumer {
  constructor(
    private readonly publisher: PublishService,
    private readonly events: EventPublisher,
  ) {}

  @OnEvent(MediaTranscoded)
  async onTranscoded(@Payload() event: EventEnvelope<MediaTranscodedPayload>): Promise<void> {
    const outcome = this.publisher.publish(event.payload, new Date());
    if (outcome.kind === 'published') await this.events.publish(EpisodePublished, outcome.event, { aggregateId: outcome.event.episodeId });
    else await this.events.publish(MediaRejected, outcome.event, { aggregateId: outcome.event.assetId });
  }
}
