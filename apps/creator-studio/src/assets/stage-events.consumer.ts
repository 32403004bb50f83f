import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  EpisodePublished,
  type EpisodePublishedPayload,
  MediaApproved,
  type MediaApprovedPayload,
  MediaRejected,
  type MediaRejectedPayload,
  MediaReviewed,
  type MediaReviewedPayload,
  MediaTranscoded,
  type MediaTranscodedPayload,
  MediaTranscodeRequested,
  type MediaTranscodeRequestedPayload,
} from '@mikasmissions/contracts-events';
import { type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { AssetsRepository } from './assets.repository';

/**
 * Follows the pipeline's stage events into the asset's state (inbox dedupe by libs/messaging):
 * `media.transcode.requested` → `ingested`; `media.transcoded` → `transcoded`; moderation's
 * `media.reviewed` with decision `queued` → `in_review`; `media.approved` → `approved`;
 * `episode.published` → `published` (the asset id is the episode id); `media.rejected` → `rejected`
 * with the reason as the last error. A final asset is never changed again; an unknown asset is skipped.
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

  @OnEvent(MediaTranscoded)
  async onTranscoded(@Payload() event: EventEnvelope<MediaTranscodedPayload>): Promise<void> {
    const updated = await this.assets.report(event.tenantId, event.payload.assetId, { status: 'transcoded' });
    if (!updated) this.logger.warn(`media.transcoded ${event.id}: no asset ${event.payload.assetId}`);
  }

  @OnEvent(MediaReviewed)
  async onReviewed(@Payload() event: EventEnvelope<MediaReviewedPayload>): Promise<void> {
    if (event.payload.decision !== 'queued') return;
    const updated = await this.assets.report(event.tenantId, event.payload.assetId, { status: 'in_review' });
    if (!updated) this.logger.warn(`media.reviewed ${event.id}: no asset ${event.payload.assetId}`);
  }

  @OnEvent(MediaApproved)
  async onApproved(@Payload() event: EventEnvelope<MediaApprovedPayload>): Promise<void> {
    const updated = await this.assets.report(event.tenantId, event.payload.assetId, { status: 'approved' });
    if (!updated) this.logger.warn(`media.approved ${event.id}: no asset ${event.payload.assetId}`);
  }

  @OnEvent(EpisodePublished)
  async onPublished(@Payload() event: EventEnvelope<EpisodePublishedPayload>): Promise<void> {
    const updated = await this.assets.report(event.tenantId, event.payload.episodeId, { status: 'published' });
    if (!updated) this.logger.debug(`episode.published ${event.id}: no asset ${event.payload.episodeId} (not a creator upload)`);
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
