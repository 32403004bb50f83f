import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ConsentVerified,
  EpisodePublished,
  SubscriptionChanged,
  type ConsentVerifiedPayload,
  type EpisodePublishedPayload,
  type SubscriptionChangedPayload,
} from '@mikasmissions/contracts-events';
import { OnEvent, type EventEnvelope } from '@mikasmissions/messaging';
import { NotificationEventsService } from './notification-events.service';

/**
 * Consumes `episode.published` (catalog/publish), `subscription.changed` (billing) and
 * `consent.verified` (identity); inbox dedupe per consumer group, retries with backoff and the
 * stream's DLQ come from libs/messaging. A failing lookup (profile down) throws, so the event is
 * redelivered rather than lost.
 */
@Controller()
export class NotificationEventsConsumer {
  private readonly log = new Logger('NotificationEvents');

  constructor(private readonly notifications: NotificationEventsService) {}

  @OnEvent(EpisodePublished)
  async onEpisodePublished(@Payload() event: EventEnvelope<EpisodePublishedPayload>): Promise<void> {
    const { collected, optedOut } = await this.notifications.collectEpisode(event);
    this.log.log(`episode ${event.payload.episodeId}: in ${collected} digests, ${optedOut} parents opted out`);
  }

  @OnEvent(SubscriptionChanged)
  async onSubscriptionChanged(@Payload() event: EventEnvelope<SubscriptionChangedPayload>): Promise<void> {
    await this.notifications.receipt(event);
  }

  @OnEvent(ConsentVerified)
  async onConsentVerified(@Payload() event: EventEnvelope<ConsentVerifiedPayload>): Promise<void> {
    await this.notifications.welcome(event);
  }
}
