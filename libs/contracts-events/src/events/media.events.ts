import { defineEvent } from '../event-definition';
import mediaUploadedV1 from '../schemas/media.uploaded.v1.json';

/** Payload of {@link MediaUploaded}. */
export interface MediaUploadedPayload {
  episodeId: string;
  creatorId: string;
  sourceUrl: string;
  contentType?: string;
}

/** `media.uploaded` v1: a creator uploaded an episode's source media. */
export const MediaUploaded = defineEvent<MediaUploadedPayload>({ type: 'media.uploaded', version: 1, schema: mediaUploadedV1 });
