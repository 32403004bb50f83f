import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { creatorUploadConfig } from './creator-upload.config';

/** The scheme of a `media.uploaded` `sourceUrl` that names a file already in the media store. */
export const MEDIA_STORE_SCHEME = 'media-store:';

/**
 * creator-studio's part of the media store (`MEDIA_STORE_DIR`, shared with media-pipeline):
 * uploads arrive in `incoming/<uuid>` and an accepted one is renamed to
 * `sources/<asset>/source`, the key ingest reads (`media-store:sources/<asset>/source`).
 */
@Injectable()
export class SourceStore {
  readonly root: string;
  readonly maxBytes: number;

  constructor(config: AppConfig) {
    const env = config.slice(creatorUploadConfig);
    this.root = resolve(env.MEDIA_STORE_DIR);
    this.maxBytes = env.CREATOR_UPLOAD_MAX_BYTES;
  }

  /** A fresh path under `incoming/` (the directory exists). */
  async incomingPath(): Promise<string> {
    await mkdir(join(this.root, 'incoming'), { recursive: true });
    return join(this.root, 'incoming', randomUUID());
  }

  /** Moves a received file to the asset's source key; returns the `sourceUrl` ingest accepts. */
  async place(path: string, assetId: string): Promise<string> {
    const key = `sources/${assetId}/source`;
    await mkdir(join(this.root, 'sources', assetId), { recursive: true });
    await rename(path, join(this.root, key));
    return `${MEDIA_STORE_SCHEME}${key}`;
  }

  /** Removes an asset's stored source (its upload was not accepted after all). */
  async removeSource(assetId: string): Promise<void> {
    await rm(join(this.root, 'sources', assetId), { recursive: true, force: true });
  }
}
