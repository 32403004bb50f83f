import { defineEvent } from '../event-definition';
import episodePublishedV1 from '../schemas/episode.published.v1.json';

/** The age ratings of the catalog. */
export type AgeRating = '0+' | '3+' | '6+' | '9+' | '12+';

/** Payload of {@link EpisodePublished}. */
export interface EpisodePublishedPayload {
  episodeId: string;
  missionId: string;
  ageRating: AgeRating;
  title?: string;
}

/** `episode.published` v1: an episode passed the pipeline and is visible. */
export const EpisodePublished = defineEvent<EpisodePublishedPayload>({ type: 'episode.published', version: 1, schema: episodePublishedV1 });
