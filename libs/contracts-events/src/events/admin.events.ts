import { defineEvent } from '../event-definition';
import videoRunFailedV1 from '../schemas/video.run.failed.v1.json';
import videoRunRequestedV1 from '../schemas/video.run.requested.v1.json';
import videoRunStepCompletedV1 from '../schemas/video.run.step.completed.v1.json';

/** Payload of {@link VideoRunRequested}. */
export interface VideoRunRequestedPayload {
  runId: string;
  workflowId: string;
  /** The workflow version the run was started against. */
  workflowVersion: number;
  modelProfileId: string;
  priority: 'low' | 'normal' | 'high';
  /** `false`: the run stops at `in_review` for an admin's approval. */
  autoPublish: boolean;
  /** 1 on create, +1 per retry. */
  attempt: number;
  /** Free-form provider input (e.g. a prompt). */
  inputPayload: Record<string, unknown>;
}

/** `video.run.requested` v1: admin-studio asks the generation workers to (re)run a workflow run. */
export const VideoRunRequested = defineEvent<VideoRunRequestedPayload>({
  type: 'video.run.requested',
  version: 1,
  schema: videoRunRequestedV1,
});

/** A stage of the generation chain (apps/generation). */
export type GenerationStep = 'orchestrator' | 'provider' | 'qc';

/** The provider's answer, as the provider and qc steps carry it on. */
export interface GeneratedAsset {
  assetId: string;
  sourceUrl: string;
  /** What the provider claims; qc checks it against 30,000..1,800,000 and ffprobe. */
  durationMs: number;
  /** The safety preset the provider says it applied (checked against the profile's). */
  safetyPreset: string;
}

/** Payload of {@link VideoRunStepCompleted}. */
export interface VideoRunStepCompletedPayload {
  runId: string;
  attempt: number;
  step: GenerationStep;
  /** The run's state after the step. */
  status: 'running' | 'generated' | 'qc_passed';
  autoPublish: boolean;
  /** How long the stage took. */
  stageMs: number;
  asset?: GeneratedAsset;
}

/** `video.run.step.completed` v1: a generation stage finished; the next stage of the chain consumes it (orchestrator → provider → qc). */
export const VideoRunStepCompleted = defineEvent<VideoRunStepCompletedPayload>({
  type: 'video.run.step.completed',
  version: 1,
  schema: videoRunStepCompletedV1,
});

/** Payload of {@link VideoRunFailed}. */
export interface VideoRunFailedPayload {
  runId: string;
  attempt: number;
  step: GenerationStep;
  /** snake_case, e.g. `nim_provider_rejected`, `nim_provider_error`, `generation_qc_failed`. */
  code: string;
  message: string;
}

/** `video.run.failed` v1: a generation stage failed a run for good. */
export const VideoRunFailed = defineEvent<VideoRunFailedPayload>({ type: 'video.run.failed', version: 1, schema: videoRunFailedV1 });
