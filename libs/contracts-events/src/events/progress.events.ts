import { defineEvent } from '../event-definition';
import progressUpdatedV1 from '../schemas/progress.updated.v1.json';

/** Payload of {@link ProgressUpdated}. */
export interface ProgressUpdatedPayload {
  childId: string;
  episodeId: string;
  /** Whole seconds, ≥ 0. */
  positionSeconds: number;
  completed?: boolean;
}

/** `progress.updated` v1: a child's watch progress of an episode changed. */
export const ProgressUpdated = defineEvent<ProgressUpdatedPayload>({ type: 'progress.updated', version: 1, schema: progressUpdatedV1 });
