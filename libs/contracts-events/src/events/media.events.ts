import { defineEvent } from '../event-definition';
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
}

/** `media.uploaded` v1: a creator uploaded an episode's source media. */
export const MediaUploaded = defineEvent<MediaUploadedPayload>({ type: 'media.uploaded', version: 1, schema: mediaUploadedV1 });
