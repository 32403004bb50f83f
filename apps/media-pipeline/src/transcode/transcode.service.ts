import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import type { MediaRejectedPayload, MediaTranscodedPayload, MediaTranscodeRequestedPayload } from '@mikasmissions/contracts-events';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { ffprobePath } from '../ingest/media-probe';
import { pipelineConfig, type PipelineEnv } from '../pipeline.config';
import { ffmpegPath, transcodeToHls } from './hls-transcoder';
import { ProgressReporter, throttledProgress } from './progress-reporter';
import { removeStalePartials } from './stale-partials';
import { TranscodeRejection } from './transcode.errors';

/** The transcode stage's verdict on one asset: its renditions, or a refusal with a reason. */
export type TranscodeOutcome = { kind: 'transcoded'; event: MediaTranscodedPayload } | { kind: 'rejected'; event: MediaRejectedPayload };

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * Transcode: reads the source ingest stored (`sourcePath` inside `MEDIA_STORE_DIR`), writes the HLS
 * ladder and a thumbnail to `<MEDIA_STORE_DIR>/episodes/<episodeId>/` (built in a `.partial-*`
 * directory and renamed into place, so a redelivery replaces, never mixes, an earlier output; a dead
 * transcode's stale `.partial-*` of that episode is removed first) and
 * returns the `media.transcoded` payload with media store keys. Permanent failures become a
 * `rejected` outcome (the partial output is removed); anything else throws, so the consumer retries.
 */
@Injectable()
export class TranscodeService {
  private readonly logger = new Logger('Transcode');
  private readonly env: PipelineEnv;

  constructor(
    config: AppConfig,
    private readonly progress: ProgressReporter,
  ) {
    this.env = config.slice(pipelineConfig);
  }

  /** The media store's root directory. */
  get storeDir(): string {
    return resolve(this.env.MEDIA_STORE_DIR);
  }

  async transcode(request: MediaTranscodeRequestedPayload): Promise<TranscodeOutcome> {
    const { assetId, episodeId } = request;
    const partial = join(this.storeDir, 'episodes', `${episodeId}.partial-${randomUUID()}`);
    try {
      if (!SAFE_ID.test(episodeId) || !SAFE_ID.test(assetId))
        throw new TranscodeRejection('invalid_asset_id', 'the asset or episode id is not a safe storage key');
      const source = await this.sourceFile(request.sourcePath);
      const started = Date.now();
      const stale = await removeStalePartials(join(this.storeDir, 'episodes'), episodeId, this.env.TRANSCODE_PARTIAL_STALE_MS);
      if (stale.length > 0) this.logger.log(`removed ${stale.length} stale partial output(s) of episode ${episodeId}`);
      await mkdir(partial, { recursive: true });
      const written = await transcodeToHls({
        ffmpeg: await ffmpegPath(this.env.FFMPEG_PATH),
        ffprobe: await ffprobePath(this.env.FFPROBE_PATH),
        source,
        out: partial,
        sourceHeight: request.height,
        heights: this.env.TRANSCODE_HEIGHTS,
        segmentSeconds: this.env.TRANSCODE_SEGMENT_SECONDS,
        timeoutMs: this.env.TRANSCODE_TIMEOUT_MS,
        durationMs: request.durationMs,
        onProgress: throttledProgress((percent) => this.progress.report(assetId, percent), this.env.TRANSCODE_PROGRESS_INTERVAL_MS),
      });
      const final = join(this.storeDir, 'episodes', episodeId);
      await rm(final, { recursive: true, force: true });
      await rename(partial, final);
      const key = (path: string) => `episodes/${episodeId}/${path}`;
      this.logger.log(`transcoded asset ${assetId}: ${written.renditions.map((r) => r.profile).join(', ')} in ${Date.now() - started} ms`);
      return {
        kind: 'transcoded',
        event: {
          assetId,
          episodeId,
          creatorId: request.creatorId,
          durationMs: Math.min(...written.renditions.map((r) => r.durationMs)),
          renditions: written.renditions.map((r) => ({
            profile: r.profile,
            storageKey: key(r.playlist),
            width: r.width,
            height: r.height,
          })),
          thumbnailKey: key(written.thumbnail),
          masterKey: key(written.master),
          ...(request.title === undefined ? {} : { title: request.title }),
          ...(request.summary === undefined ? {} : { summary: request.summary }),
          ...(request.showId === undefined ? {} : { showId: request.showId }),
          ...(request.ageBand === undefined ? {} : { ageBand: request.ageBand }),
          ...(request.learningTags === undefined ? {} : { learningTags: [...request.learningTags] }),
          ...(request.runId === undefined ? {} : { runId: request.runId }),
          ...(request.reviewRequired === undefined ? {} : { reviewRequired: request.reviewRequired }),
          ...(request.language === undefined ? {} : { language: request.language }),
        },
      };
    } catch (error) {
      await rm(partial, { recursive: true, force: true });
      if (!(error instanceof TranscodeRejection)) throw error;
      this.logger.warn(`rejected asset ${assetId}: ${error.reason}`);
      const runId = request.runId === undefined ? {} : { runId: request.runId };
      return {
        kind: 'rejected',
        event: { assetId, episodeId, stage: 'transcode', reason: error.reason, message: error.message, ...runId },
      };
    }
  }

  /** The stored source, which must lie inside the media store and exist (else `source_missing`). */
  private async sourceFile(sourcePath: string): Promise<string> {
    const file = resolve(this.storeDir, sourcePath);
    const inside = relative(this.storeDir, file);
    if (inside.startsWith('..') || inside.startsWith(sep) || inside === '')
      throw new TranscodeRejection('source_missing', 'the source path is outside the media store');
    const found = await stat(file).catch(() => null);
    if (!found?.isFile()) throw new TranscodeRejection('source_missing', 'the stored source is gone');
    return file;
  }
}
