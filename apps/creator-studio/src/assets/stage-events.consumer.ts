import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  MediaRejected,
  type MediaRejectedPayload,
  MediaTranscodeRequested,
  type MediaTranscodeRequestedPayload,
} from '@mikasmissions/contracts-events';
import { type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { AssetsRepository } from './assets.repository';

/**
 * Follows the pipeline's stage events into the asset's state (inbox dedupe by libs/messaging):
 * `media.transcode.requested` → `ingested`; `media.rejected` → `rejected` with the reason as the
 * last error. A final asset is never changed again; an unknown asset is skipped.
 */
@Controller()
export class StageEventsConsumer {
  private readonly logger = new Logger('AssetStages');

  constructor(private readonly assets: AssetsRepository) {}

  @OnEvent(MediaTranscodeRequested)
  async onIngested(@Payload() event: EventEnvelope<MediaTranscodeRequestedPayload>): Promise<void> {
    const updated = await this.assets.report(event.tenantId, event.payload.assetId, { status: 'ingested' });
    if (!updated) this.logger.warn(`media.transcode.requested ${event.id}: no asset ${event.payload.assetId}`);
  }

  @OnEvent(MediaRejected)
  async onRejected(@Payload() event: EventEnvelope<MediaRejectedPayload>): Promise<void> {
    const { assetId, reason, message } = event.payload;
    const updated = await this.assets.report(event.tenantId, assetId, {
      status: 'rejected',
      error: { code: reason, message: message.slice(0, 500) },
    });
    if (!updated) this.logger.warn(`media.rejected ${event.id}: no asset ${assetId}`);
  }
}
