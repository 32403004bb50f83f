import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { EpisodePublished, MediaApproved, type MediaApprovedPayload } from '@mikasmissions/contracts-events';
import { ConsumerGroup, EventPublisher, type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { PublishService } from './publish.service';

/**
 * The publish stage's consumer of moderation's `media.approved` (inbox dedupe by libs/messaging):
 * publishes `episode.published`, which catalog projects.
 */
@ConsumerGroup('media-pipeline.publish')
@Controller()
export class PublishConsumer {
  constructor(
    private readonly publisher: PublishService,
    private readonly events: EventPublisher,
  ) {}

  @OnEvent(MediaApproved)
  async onApproved(@Payload() event: EventEnvelope<MediaApprovedPayload>): Promise<void> {
    const episode = this.publisher.publish(event.payload, new Date());
    await this.events.publish(EpisodePublished, episode, { aggregateId: episode.episodeId });
  }
}
