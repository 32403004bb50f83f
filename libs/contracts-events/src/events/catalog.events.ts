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
  /** The show (catalog `show_id`); default: `missionId`. */
  showId?: string;
  /** The catalog age band; default: derived from `ageRating` (0+/3+ → 3-5, 6+/9+ → 6-11, 12+ → 12-16). */
  ageBand?: '3-5' | '6-11' | '12-16';
  summary?: string;
  durationMs?: number;
  learningTags?: string[];
  /** An absolute URL or a media store key. */
  thumbnailUrl?: string;
  /** The transcoded HLS renditions: a profile (`360p`) and the playlist's media store key. */
  renditions?: Array<{ profile: string; storageKey: string }>;
  /** Media store key of the HLS master playlist listing the renditions (adaptive playback); playback prefers it. */
  masterKey?: string;
  /** ISO 8601 instant of publication; default: when catalog projects it. */
  publishedAt?: string;
  /** admin-studio's run when the episode came from an AI generation run. */
  runId?: string;
}

/** `episode.published` v1: an episode passed the pipeline and is visible. */
export const EpisodePublished = defineEvent<EpisodePublishedPayload>({ type: 'episode.published', version: 1, schema: episodePublishedV1 });
