import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  MediaRejected,
  MediaTranscoded,
  MediaTranscodeRequested,
  type MediaTranscodeRequestedPayload,
} from '@mikasmissions/contracts-events';
import { ConsumerGroup, EventPublisher, type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { TranscodeService } from './transcode.service';

/**
 * The transcode stage's consumer of `media.transcode.requested` (inbox dedupe by libs/messaging):
 * publishes `media.transcoded`, or `media.rejected` with a reason. A transient failure (e.g. the
 * disk) throws, so the delivery is retried with backoff and dead-lettered after `MESSAGING_MAX_DELIVERIES`.
 */
@ConsumerGroup('media-pipeline.transcode')
@Controller()
export class TranscodeConsumer {
  constructor(
    private readonly transcoder: TranscodeService,
    private readonly events: EventPublisher,
  ) {}

  @OnEvent(MediaTranscodeRequested)
  async onTranscodeRequested(@Payload() event: EventEnvelope<MediaTranscodeRequestedPayload>): Promise<void> {
    const outcome = await this.transcoder.transcode(event.payload);
    const aggregateId = outcome.event.assetId;
    if (outcome.kind === 'transcoded') await this.events.publish(MediaTranscoded, outcome.event, { aggregateId });
    else await this.events.publish(MediaRejected, outcome.event, { aggregateId });
  }
}
