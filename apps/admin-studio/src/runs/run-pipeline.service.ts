import { Injectable, Logger } from '@nestjs/common';
import type { RunChange, RunStatus } from './run';
import { RunsRepository } from './runs.repository';

/**
 * Follows a generated asset through the media pipeline (ingest → transcode → moderation →
 * publish) and moves its run: `media.reviewed` queued → `in_review` (an admin decides in the
 * moderation queue); `episode.published` → `published` (through `in_review`, logged, when
 * moderation approved it at once); `media.rejected` → `failed` (`media_rejected`). A run that
 * is cancelled, failed or already further along is left as it is: the event is acknowledged
 * and logged here, never retried.
 */
@Injectable()
export class RunPipelineService {
  private readonly logger = new Logger('RunPipeline');

  constructor(private readonly runs: RunsRepository) {}

  /** The run's episode is in the catalog. */
  async published(runId: string, episodeId: string): Promise<void> {
    const run = await this.runs.find(runId);
    if (!run) return this.logger.warn(`episode ${episodeId} names unknown run ${runId}`);
    if (run.status === 'qc_passed') {
      const reviewed = await this.move(runId, {
        to: 'in_review',
        step: 'pipeline',
        message: `episode ${episodeId} passed ingest, transcode and moderation without a review`,
      });
      if (!reviewed) return;
    } else if (run.status !== 'in_review') {
      return this.logger.warn(`run ${runId} is ${run.status}: episode ${episodeId} is published but the run stays as it is`);
    }
    await this.move(runId, { to: 'published', step: 'publish', message: `episode ${episodeId} is published in the catalog` });
  }

  /** Moderation queued the run's asset for an admin: the run waits in review. */
  async queued(runId: string, episodeId: string, reason: string): Promise<void> {
    await this.move(runId, {
      to: 'in_review',
      step: 'moderation',
      message: `episode ${episodeId} waits in the moderation queue (${reason})`,
    });
  }

  /** A pipeline stage refused the run's asset for good. */
  async rejected(runId: string, stage: string, reason: string): Promise<void> {
    await this.move(runId, {
      to: 'failed',
      step: stage,
      message: `the media pipeline's ${stage} stage rejected the asset: ${reason}`,
      lastError: 'media_rejected',
    });
  }

  private async move(runId: string, change: RunChange): Promise<boolean> {
    const outcome = await this.runs.change(runId, change);
    if (outcome.kind === 'moved') return true;
    const status: RunStatus | 'missing' = outcome.kind === 'conflict' ? outcome.status : 'missing';
    this.logger.warn(`run ${runId} is ${status}: not moved to ${change.to} (${change.step})`);
    return false;
  }
}
