import { defineEvent } from '../event-definition';
import progressUpdatedV1 from '../schemas/progress.updated.v1.json';

/** Payload of {@link ProgressUpdated}. */
export interface ProgressUpdatedPayload {
  childId: string;
  episodeId: string;
  /** Whole seconds, ≥ 0. */
  positionSeconds: number;
  completed?: boolean;
  /** The child's parent (lets identity's dashboard count it without a lookup). */
  parentUserId?: string;
  /** Watch time this update adds, in ms (0…24 h). */
  watchedMs?: number;
  /** When the watching happened (RFC 3339); the day it counts for. Default: the envelope's time. */
  eventTime?: string;
  /** Learning tags of the episode; each counts as one learning event. */
  learningTags?: string[];
  /** The parent paused history for this child: consumers must not keep per-episode history. */
  historyPaused?: boolean;
}

/** `progress.updated` v1: a child's watch progress of an episode changed. */
export const ProgressUpdated = defineEvent<ProgressUpdatedPayload>({ type: 'progress.updated', version: 1, schema: progressUpdatedV1 });
