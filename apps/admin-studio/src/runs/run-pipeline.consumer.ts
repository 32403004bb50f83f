import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  EpisodePublished,
  type EpisodePublishedPayload,
  MediaRejected,
  type MediaRejectedPayload,
  MediaReviewed,
  type MediaReviewedPayload,
} from '@mikasmissions/contracts-events';
import { type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { RunPipelineService } from './run-pipeline.service';

/**
 * admin-studio's consumer of the media pipeline's outcomes for generated assets (events that
 * carry a `runId`; others are not about runs and are ignored): `media.reviewed` (only a
 * `queued` decision moves the run), `episode.published` and `media.rejected`. Inbox dedupe by
 * libs/messaging.
 */
@Controller()
export class RunPipelineConsumer {
  constructor(private readonly pipeline: RunPipelineService) {}

  @OnEvent(EpisodePublished)
  async onPublished(@Payload() event: EventEnvelope<EpisodePublishedPayload>): Promise<void> {
    if (event.payload.runId) await this.pipeline.published(event.payload.runId, event.payload.episodeId);
  }

  @OnEvent(MediaReviewed)
  async onReviewed(@Payload() event: EventEnvelope<MediaReviewedPayload>): Promise<void> {
    const { runId, decision, episodeId, reason } = event.payload;
    if (runId && decision === 'queued') await this.pipeline.queued(runId, episodeId, reason ?? 'review');
  }

  @OnEvent(MediaRejected)
  async onRejected(@Payload() event: EventEnvelope<MediaRejectedPayload>): Promise<void> {
    const { runId, stage, reason } = event.payload;
    if (runId) await this.pipeline.rejected(runId, stage, reason);
  }
}
