import { Injectable } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import {
  type GeneratedAsset,
  MediaUploaded,
  type MediaUploadedPayload,
  type VideoRunStepCompletedPayload,
} from '@mikasmissions/contracts-events';
import { EventPublisher } from '@mikasmissions/messaging';
import { RunChain, type StageRun, type StepMove } from '../chain/run-chain';
import { generationConfig, type GenerationEnv } from '../generation.config';
import type { RunView } from '../runs/run-view';
import { ClipProbeError, ffprobePath, probeClip } from './clip-probe';

const MOVE: StepMove = { step: 'qc', from: 'generated', to: 'qc_passed' };

/** The shortest and longest clip qc lets through. */
export const QC_DURATION_MS = { min: 30_000, max: 1_800_000 } as const;

/**
 * QC, the last link: the provider's `source_url` must be http(s), its `duration_ms` within
 * 30,000..1,800,000, and ffprobe must read the clip as video whose duration matches the claim
 * (± `GENERATION_QC_DURATION_TOLERANCE_MS`). On pass the run moves to `qc_passed` and the clip
 * re-enters the media pipeline as `media.uploaded` (asset and episode `gen-<run>-a<attempt>`,
 * the workflow's name and age band, `runId`, `reviewRequired: !autoPublish`); on fail the run
 * fails `generation_qc_failed`.
 */
@Injectable()
export class QcStage {
  private readonly env: GenerationEnv;

  constructor(
    private readonly chain: RunChain,
    private readonly events: EventPublisher,
    config: AppConfig,
  ) {
    this.env = config.slice(generationConfig);
  }

  async run(step: VideoRunStepCompletedPayload): Promise<void> {
    const startedAt = Date.now();
    const run = { runId: step.runId, attempt: step.attempt, autoPublish: step.autoPublish };
    if (!step.asset) return this.chain.fail('qc', run, 'generation_qc_failed', 'the provider step carried no asset');
    const view = await this.chain.claim(MOVE, run);
    if (!view) return;
    const problem = await this.check(step.asset);
    if (problem) return this.chain.fail('qc', run, 'generation_qc_failed', problem);
    if (!view.workflow) return this.chain.fail('qc', run, 'workflow_missing', `workflow ${view.run.workflow_id} was deleted`);
    const upload = this.upload(run, view, step.asset);
    const message = `clip ${step.asset.assetId} passed (${step.asset.durationMs} ms); uploaded as ${upload.assetId}, review ${upload.reviewRequired ? 'required' : 'not required'}`;
    if (!(await this.chain.advance(MOVE, run, message))) return;
    await this.chain.completed(MOVE, run, startedAt, step.asset, () =>
      this.events.publish(MediaUploaded, upload, { aggregateId: upload.assetId }),
    );
  }

  /** Why the clip fails qc, or `undefined` when it passes. */
  private async check(asset: GeneratedAsset): Promise<string | undefined> {
    let url: URL;
    try {
      url = new URL(asset.sourceUrl);
    } catch {
      return 'source_url is not a URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `source_url must be http(s), not ${url.protocol.slice(0, 16)}`;
    if (asset.durationMs < QC_DURATION_MS.min || asset.durationMs > QC_DURATION_MS.max)
      return `duration_ms ${asset.durationMs} is outside ${QC_DURATION_MS.min}..${QC_DURATION_MS.max}`;
    try {
      const probed = await probeClip(url.href, await ffprobePath(this.env.FFPROBE_PATH), this.env.GENERATION_QC_PROBE_TIMEOUT_MS);
      if (Math.abs(probed.durationMs - asset.durationMs) > this.env.GENERATION_QC_DURATION_TOLERANCE_MS)
        return `ffprobe measured ${probed.durationMs} ms, the provider claimed ${asset.durationMs} ms`;
    } catch (error) {
      if (error instanceof ClipProbeError) return error.message;
      throw error;
    }
    return undefined;
  }

  private upload(run: StageRun, view: RunView, asset: GeneratedAsset): MediaUploadedPayload & { assetId: string } {
    const id = `gen-${run.runId}-a${run.attempt}`;
    const prompt = view.run.input_payload.prompt;
    return {
      episodeId: id,
      assetId: id,
      creatorId: this.env.GENERATION_CREATOR_ID,
      sourceUrl: asset.sourceUrl,
      contentType: 'video/mp4',
      title: view.workflow!.name.slice(0, 200),
      ...(typeof prompt === 'string' && prompt.length > 0 ? { summary: prompt.slice(0, 2000) } : {}),
      showId: `workflow-${view.run.workflow_id}`.slice(0, 128),
      ageBand: view.workflow!.age_band,
      runId: run.runId,
      reviewRequired: !run.autoPublish,
    };
  }
}
