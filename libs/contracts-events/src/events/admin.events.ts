import { defineEvent } from '../event-definition';
import videoRunRequestedV1 from '../schemas/video.run.requested.v1.json';

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
export const VideoRunRequested = defineEvent<VideoRunRequestedPayload>({ type: 'video.run.requested', version: 1, schema: videoRunRequestedV1 });
