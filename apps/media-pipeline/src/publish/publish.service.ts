import { Injectable, Logger } from '@nestjs/common';
import type { AgeRating, EpisodePublishedPayload, MediaApprovedPayload } from '@mikasmissions/contracts-events';

const RATING_OF_BAND: Record<MediaApprovedPayload['ageBand'], AgeRating> = { '3-5': '3+', '6-11': '6+', '12-16': '12+' };

/**
 * Publish: maps moderation's `media.approved` to the catalog's `episode.published`: the creator's
 * age band (moderation rejects an asset without one, so `media.approved` always has it), its
 * rating, the show (`missionId` = show or episode), renditions, master playlist and thumbnail as media store keys,
 * the measured duration and the generation run, if any.
 */
@Injectable()
export class PublishService {
  private readonly logger = new Logger('Publish');

  publish(asset: MediaApprovedPayload, publishedAt: Date): EpisodePublishedPayload {
    this.logger.log(`publishing asset ${asset.assetId} as episode ${asset.episodeId}`);
    return {
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
      ...(asset.masterKey === undefined ? {} : { masterKey: asset.masterKey }),
      publishedAt: publishedAt.toISOString(),
      ...(asset.runId === undefined ? {} : { runId: asset.runId }),
    };
  }
}
