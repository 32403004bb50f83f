import { defineEvent } from '../event-definition';
import progressUpdatedV1 from '../schemas/progress.updated.v1.json';

/** Payload of {@link ProgressUpdated}. */
export interface ProgressUpdatedPayload {
  childId: string;
  episodeId: string;
  /** Whole seconds, ≥ 0. */
  positionSeconds: number;
  completed?: boolean;
  /** The parent who owns the child, when known. */
  parentUserId?: string;
  /** Milliseconds newly watched by this event (the increase over the previous position), ≥ 0. */
  watchedMs?: number;
  /** When the player saw the position (RFC 3339). */
  eventTime?: string;
  /** The episode's learning tags, when the catalog gives them. */
  learningTags?: string[];
  /** The parent paused the history: keep the resume point, keep the event out of recommendations. */
  historyPaused?: boolean;
}

/** `progress.updated` v1: a child's watch progress of an episode changed. */
export const ProgressUpdated = defineEvent<ProgressUpdatedPayload>({ type: 'progress.updated', version: 1, schema: progressUpdatedV1 });
