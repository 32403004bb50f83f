import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { MediaRejected, MediaTranscodeRequested, MediaUploaded, type MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { ConsumerGroup, EventPublisher, type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { IngestService } from './ingest.service';

/**
 * The ingest stage's consumer of `media.uploaded` (inbox dedupe by libs/messaging): publishes
 * `media.transcode.requested`, or `media.rejected` with a reason. A transient failure throws, so
 * the delivery is retried with backoff and dead-lettered after `MESSAGING_MAX_DELIVERIES`.
 */
@ConsumerGroup('media-pipeline.ingest')
@Controller()
export class IngestConsumer {
  constructor(
    private readonly ingest: IngestService,
    private readonly events: EventPublisher,
  ) {}

  @OnEvent(MediaUploaded)
  async onUploaded(@Payload() event: EventEnvelope<MediaUploadedPayload>): Promise<void> {
    const outcome = await this.ingest.ingest(event.payload);
    const aggregateId = outcome.event.assetId;
    if (outcome.kind === 'transcode') await this.events.publish(MediaTranscodeRequested, outcome.event, { aggregateId });
    else await this.events.publish(MediaRejected, outcome.event, { aggregateId });
  }
}
