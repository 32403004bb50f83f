import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { MediaTranscoded, type MediaTranscodedPayload } from '@mikasmissions/contracts-events';
import { type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { ReviewsService } from './reviews.service';

/**
 * The policy stage's consumer of `media.transcoded` (inbox dedupe by libs/messaging): the review,
 * its audit entry and the events it publishes commit with the inbox mark; a failure throws, so the
 * delivery is retried with backoff and dead-lettered after `MESSAGING_MAX_DELIVERIES`.
 */
@Controller()
export class PolicyConsumer {
  constructor(private readonly reviews: ReviewsService) {}

  @OnEvent(MediaTranscoded)
  async onTranscoded(@Payload() event: EventEnvelope<MediaTranscodedPayload>): Promise<void> {
    await this.reviews.review(event.payload, event.tenantId);
  }
}
