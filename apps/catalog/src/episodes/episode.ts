import type { AgeBand } from './age-band';

/** One rendition of an episode: a quality profile and the media store key of its HLS playlist. */
export interface Rendition {
  /** e.g. `360p`. */
  profile: string;
  /** Relative media store key, e.g. `episodes/ep-demo-1/index.m3u8` (playback signs its URL). */
  storageKey: string;
}

/** What a writer gives the catalog for one episode (an upsert or an `episode.published` projection). */
export interface EpisodeInput {
  episodeId: string;
  showId: string;
  title: string;
  summary: string;
  ageBand: AgeBand;
  durationMs: number;
  learningTags: string[];
  playbackReady: boolean;
  /** An absolute URL, or a media store key resolved against `MEDIA_BASE` when presented. */
  thumbnail: string;
  /** ISO 8601 instant of publication; `null` while unpublished (hidden from the public read and listings). */
  publishedAt: string | null;
  renditions: Rendition[];
}

/** One episode, as stored. */
export interface Episode extends EpisodeInput {
  /** ISO 8601 instant of the last change the store accepted. */
  updatedAt: string;
}

/** The result of an upsert: the stored episode, and whether it was new or changed. */
export interface UpsertResult {
  episode: Episode;
  created: boolean;
  /** `false` when the same input was already stored (an idempotent retry). */
  changed: boolean;
}

/** A keyset position in the newest-first order: the last episode of the previous page. */
export interface EpisodeCursor {
  publishedAt: string;
  episodeId: string;
}

/** A listing of published episodes, newest first (`publishedAt` desc, then `episodeId` desc). */
export interface EpisodeListQuery {
  /** Only this band. */
  ageBand?: AgeBand;
  /** Only this band and the ones below it. */
  maxAgeBand?: AgeBand;
  limit: number;
  /** Start after this position. */
  after?: EpisodeCursor;
}

/** Whether two inputs describe the same episode (what makes an upsert a no-op). */
export function sameEpisode(a: EpisodeInput, b: EpisodeInput): boolean {
  const pick = (e: EpisodeInput) => [
    e.episodeId,
    e.showId,
    e.title,
    e.summary,
    e.ageBand,
    e.durationMs,
    e.learningTags,
    e.playbackReady,
    e.thumbnail,
    e.publishedAt === null ? null : new Date(e.publishedAt).toISOString(),
    e.renditions.map((r) => [r.profile, r.storageKey]),
  ];
  return JSON.stringify(pick(a)) === JSON.stringify(pick(b));
}
