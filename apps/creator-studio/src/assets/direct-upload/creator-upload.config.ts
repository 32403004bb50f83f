import { type ConfigSlice, defineConfigFragment, envPositiveInt } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * creator-studio's variables for direct uploads: `MEDIA_STORE_DIR` (the media store the
 * pipeline reads; default `.media-store`, media-pipeline's default) and
 * `CREATOR_UPLOAD_MAX_BYTES` (largest accepted file; default 2 GiB, ingest's `INGEST_MAX_BYTES`).
 */
export const creatorUploadConfig = defineConfigFragment(
  'creator-studio',
  z.object({
    MEDIA_STORE_DIR: z.string().min(1).default('.media-store'),
    CREATOR_UPLOAD_MAX_BYTES: envPositiveInt().default(2 * 1024 * 1024 * 1024),
  }),
);

/** The validated variables (`config.slice(creatorUploadConfig)`). */
export type CreatorUploadEnv = ConfigSlice<typeof creatorUploadConfig>;
