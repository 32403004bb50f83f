import { Injectable, Logger } from '@nestjs/common';
import type { AgeRating, EpisodePublishedPayload, MediaRejectedPayload, MediaTranscodedPayload } from '@mikasmissions/contracts-events';

/** The publish stage's verdict: the catalog's `episode.published`, or a refusal with a reason. */
export type PublishOutcome = { kind: 'published'; event: EpisodePublishedPayload } | { kind: 'rejected'; event: MediaRejectedPayload };

const RATING_OF_BAND: Record<NonNullable<MediaTranscodedPayload['ageBand']>, AgeRating> = { '3-5': '3+', '6-11': '6+', '12-16': '12+' };

/**
 * Publish — a TEMPORARY PASS-THROUGH: it approves every transcoded asset WITHOUT moderation
 * (the policy stage in apps/moderation is the next slice and will sit between transcode and
 * publish, consuming `media.transcoded` and emitting `media.approved`). It maps `media.transcoded`
 * to the catalog's `episode.published`: the creator's age band (never a hard-coded one; an asset
 * without one is rejected `missing_age_band`), its rating, the show (`missionId` = show or episode),
 * renditions and thumbnail as media store keys, the measured duration.
 */
@Injectable()
export class PublishService {
  private readonly logger = new Logger('Publish');

  publish(asset: MediaTranscodedPayload, publishedAt: Date): PublishOutcome {
    if (!asset.ageBand) {
      this.logger.warn(`rejected asset ${asset.assetId}: missing_age_band`);
      return {
        kind: 'rejected',
        event: {
          assetId: asset.assetId,
          episodeId: asset.episodeId,
          stage: 'publish',
          reason: 'missing_age_band',
          message: 'the upload named no age band',
          ...(asset.runId === undefined ? {} : { runId: asset.runId }),
        },
      };
    }
    this.logger.log(`publishing asset ${asset.assetId} as episode ${asset.episodeId} (pass-through, not moderated)`);
    return {
      kind: 'published',
      event: {
        episodeId: asset.episodeId,
        missionId: asset.showId ?? asset.episodeId,
        ageRating: RATING_OF_BAND[asset.ageBand],
        ageBand: asset.ageBand,
        ...(asset.title === undefined ? {} : { title: asset.title }),
        ...(asset.showId === undefined ? {} : { showId: asset.showId }),
        ...(asset.summary === undefined ? {} : { summary: asset.summary }),
        durationMs: asset.durationMs,
        ...(asset.learningTags === undefined ? {} : { learningTags: [...asset.learningTags] }),
        ...(asset.thumbnailKey === undefined ? {} : { thumbnailUrl: asset.thumbnailKey }),
        renditions: asset.renditions.map((r) => ({ profile: r.profile, storageKey: r.storageKey })),
        publishedAt: publishedAt.toISOString(),
        ...(asset.runId === undefined ? {} : { runId: asset.runId }),
      },
    };
  }
}
