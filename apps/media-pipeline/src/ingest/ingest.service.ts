import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import type { MediaRejectedPayload, MediaTranscodeRequestedPayload, MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { join, resolve } from 'node:path';
import { rm } from 'node:fs/promises';
import { pipelineConfig, type PipelineEnv } from '../pipeline.config';
import { IngestRejection } from './ingest.errors';
import { ffprobePath, probeMedia } from './media-probe';
import { fetchSource } from './source-fetcher';
import { checkStoredSource, isStoreReference } from './stored-source';

/** The ingest stage's verdict on one upload: transcode it, or refuse it with a reason. */
export type IngestOutcome =
  { kind: 'transcode'; event: MediaTranscodeRequestedPayload } | { kind: 'rejected'; event: MediaRejectedPayload };

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Ingest: fetches an upload's source into the media store (`<MEDIA_STORE_DIR>/sources/<asset>/source`),
 * or takes a direct upload creator-studio stored there already (`media-store:sources/<asset>/source`),
 * with the configured limits, probes it with ffprobe and decides. Permanent refusals become a
 * `rejected` outcome (the stored file is removed); transient failures throw, so the consumer retries.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('Ingest');
  private readonly env: PipelineEnv;

  constructor(config: AppConfig) {
    this.env = config.slice(pipelineConfig);
  }

  /** The directory sources are stored under. */
  get storeDir(): string {
    return resolve(this.env.MEDIA_STORE_DIR);
  }

  async ingest(upload: MediaUploadedPayload): Promise<IngestOutcome> {
    const assetId = upload.assetId ?? upload.episodeId;
    const reject = (reason: string, message: string): IngestOutcome => ({
      kind: 'rejected',
      event: {
        assetId,
        episodeId: upload.episodeId,
        stage: 'ingest',
        reason,
        message,
        ...(upload.runId === undefined ? {} : { runId: upload.runId }),
      },
    });
    if (!SAFE_ID.test(assetId)) return reject('invalid_asset_id', 'the asset id is not a safe storage key');
    const sourcePath = join('sources', assetId, 'source');
    const file = join(this.storeDir, sourcePath);
    try {
      const fetched = isStoreReference(upload.sourceUrl)
        ? await checkStoredSource(upload.sourceUrl, assetId, this.storeDir, this.env.INGEST_MAX_BYTES)
        : await fetchSource(upload.sourceUrl, file, {
            maxBytes: this.env.INGEST_MAX_BYTES,
            timeoutMs: this.env.INGEST_TIMEOUT_MS,
            allowPrivate: this.env.INGEST_ALLOW_PRIVATE_SOURCES,
          });
      const probed = await probeMedia(file, this.env.INGEST_MAX_DURATION_MS, await ffprobePath(this.env.FFPROBE_PATH));
      this.logger.log(`ingested asset ${assetId}: ${fetched.sizeBytes} bytes, ${probed.durationMs} ms, ${probed.width}x${probed.height}`);
      return {
        kind: 'transcode',
        event: {
          assetId,
          episodeId: upload.episodeId,
          creatorId: upload.creatorId,
          sourcePath,
          sizeBytes: fetched.sizeBytes,
          ...probed,
          ...(upload.title === undefined ? {} : { title: upload.title }),
          ...(upload.summary === undefined ? {} : { summary: upload.summary }),
          ...(upload.showId === undefined ? {} : { showId: upload.showId }),
          ...(upload.ageBand === undefined ? {} : { ageBand: upload.ageBand }),
          ...(upload.learningTags === undefined ? {} : { learningTags: [...upload.learningTags] }),
          ...(upload.runId === undefined ? {} : { runId: upload.runId }),
          ...(upload.reviewRequired === undefined ? {} : { reviewRequired: upload.reviewRequired }),
          ...(upload.language === undefined ? {} : { language: upload.language }),
        },
      };
    } catch (error) {
      if (!(error instanceof IngestRejection)) throw error;
      await rm(join(this.storeDir, 'sources', assetId), { recursive: true, force: true });
      this.logger.warn(`rejected asset ${assetId}: ${error.reason}`);
      return reject(error.reason, error.message);
    }
  }
}
