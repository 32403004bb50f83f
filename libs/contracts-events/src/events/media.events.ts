import { defineEvent } from '../event-definition';
import mediaRejectedV1 from '../schemas/media.rejected.v1.json';
import mediaTranscodeRequestedV1 from '../schemas/media.transcode.requested.v1.json';
import mediaTranscodedV1 from '../schemas/media.transcoded.v1.json';
import mediaUploadedV1 from '../schemas/media.uploaded.v1.json';

/** Payload of {@link MediaUploaded}. */
export interface MediaUploadedPayload {
  episodeId: string;
  creatorId: string;
  sourceUrl: string;
  contentType?: string;
  /** creator-studio's asset id (the stages report its state under this id). */
  assetId?: string;
  title?: string;
  summary?: string;
  showId?: string;
  /** The age band the creator chose (`3-5`, `6-11`, `12-16`); moderation reads it, never a hard-coded one. */
  ageBand?: '3-5' | '6-11' | '12-16';
  learningTags?: string[];
  /** admin-studio's run when the asset came from an AI generation run; every stage carries it on. */
  runId?: string;
  /** `true`: moderation queues the asset for an admin even when every rule passes (a run with `auto_publish: false`). */
  reviewRequired?: boolean;
  /** BCP 47 language of title and summary; moderation picks its blocked-terms list by it. */
  language?: string;
}

/** `media.uploaded` v1: a creator uploaded an episode's source media. */
export const MediaUploaded = defineEvent<MediaUploadedPayload>({ type: 'media.uploaded', version: 1, schema: mediaUploadedV1 });

/** Payload of {@link MediaTranscodeRequested}: where ingest stored the source and what ffprobe measured. */
export interface MediaTranscodeRequestedPayload {
  assetId: string;
  episodeId: string;
  creatorId: string;
  /** Path inside the media store (relative to `MEDIA_STORE_DIR`). */
  sourcePath: string;
  sizeBytes: number;
  durationMs: number;
  width: number;
  height: number;
  /** ffprobe's `format_name`, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  container: string;
  videoCodec?: string;
  title?: string;
  summary?: string;
  showId?: string;
  ageBand?: '3-5' | '6-11' | '12-16';
  learningTags?: string[];
  /** admin-studio's run when the asset came from an AI generation run; every stage carries it on. */
  runId?: string;
  /** `true`: moderation queues the asset for an admin even when every rule passes (a run with `auto_publish: false`). */
  reviewRequired?: boolean;
  /** BCP 47 language of title and summary; moderation picks its blocked-terms list by it. */
  language?: string;
}

/** `media.transcode.requested` v1: the ingest stage fetched and probed an asset; the transcode stage takes it. */
export const MediaTranscodeRequested = defineEvent<MediaTranscodeRequestedPayload>({
  type: 'media.transcode.requested',
  version: 1,
  schema: mediaTranscodeRequestedV1,
});

/** The stage that refused an asset. */
export type MediaStage = 'ingest' | 'transcode' | 'policy' | 'publish';

/** Payload of {@link MediaRejected}. */
export interface MediaRejectedPayload {
  assetId: string;
  episodeId: string;
  stage: MediaStage;
  /** snake_case reason, e.g. `source_forbidden`, `source_too_large`, `no_video_stream`. */
  reason: string;
  message: string;
  /** admin-studio's run when the asset came from an AI generation run. */
  runId?: string;
}

/** `media.rejected` v1: a stage refused an asset for good (a retry would not help). */
export const MediaRejected = defineEvent<MediaRejectedPayload>({ type: 'media.rejected', version: 1, schema: mediaRejectedV1 });

/** One HLS rendition the transcode stage wrote: its profile (`360p`) and its playlist's media store key. */
export interface MediaRendition {
  profile: string;
  /** Key inside the media store, e.g. `episodes/<id>/360p/index.m3u8`. */
  storageKey: string;
  width?: number;
  height?: number;
}

/** Payload of {@link MediaTranscoded}: the renditions, the thumbnail and the measured duration, with the upload's metadata carried on. */
export interface MediaTranscodedPayload {
  assetId: string;
  episodeId: string;
  creatorId: string;
  /** Duration ffprobe measured on the transcoded output. */
  durationMs: number;
  renditions: MediaRendition[];
  /** Key of a JPEG thumbnail inside the media store. */
  thumbnailKey?: string;
  /** Key of the HLS master playlist listing every rendition, e.g. `episodes/<id>/master.m3u8`. */
  masterKey?: string;
  title?: string;
  summary?: string;
  showId?: string;
  ageBand?: '3-5' | '6-11' | '12-16';
  learningTags?: string[];
  /** admin-studio's run when the asset came from an AI generation run; every stage carries it on. */
  runId?: string;
  /** `true`: moderation queues the asset for an admin even when every rule passes (a run with `auto_publish: false`). */
  reviewRequired?: boolean;
  /** BCP 47 language of title and summary; moderation picks its blocked-terms list by it. */
  language?: string;
}

/** `media.transcoded` v1: the transcode stage produced an asset's HLS renditions; policy (or the temporary pass-through publish) takes it. */
export const MediaTranscoded = defineEvent<MediaTranscodedPayload>({ type: 'media.transcoded', version: 1, schema: mediaTranscodedV1 });
