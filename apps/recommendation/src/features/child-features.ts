import type { AgeBand } from '../policy/age-band';
import type { RecommendationControls } from '../upstreams/child-controls';

/** What one child did with one episode (from `progress.updated`). */
export interface WatchState {
  childId: string;
  episodeId: string;
  /** The child's band when the event was recorded (for `popular_in_band`); `null` if unknown. */
  ageBand: AgeBand | null;
  positionSeconds: number;
  completed: boolean;
  learningTags: string[];
  /** ISO 8601 of the newest event applied. */
  lastEventAt: string;
  /** ISO 8601 of the first completion, or `null`. */
  completedAt: string | null;
}

/** One watch event to apply. Older events than the stored one never move the position back. */
export interface WatchUpdate {
  childId: string;
  episodeId: string;
  ageBand: AgeBand | null;
  positionSeconds: number;
  completed: boolean;
  learningTags: string[];
  eventAt: Date;
}

/** What the service keeps per child besides its watch states. */
export interface ChildFeatures {
  childId: string;
  parentUserId: string | null;
  ageBand: AgeBand | null;
  /** The parent's controls from the last `parent.controls.updated`, or `null` (then identity is asked). */
  controls: RecommendationControls | null;
  updatedAt: string;
}

/** A partial update of {@link ChildFeatures}: absent fields keep their value. */
export type ChildFeaturesPatch = Partial<Omit<ChildFeatures, 'childId' | 'updatedAt'>> & { childId: string };

/** Completions of one episode by children of a band. */
export interface Popularity {
  episodeId: string;
  completions: number;
}

/** The last home computed for a child, with the digest of the policy it was computed under. */
export interface HomeSnapshot {
  childId: string;
  policyKey: string;
  rails: unknown[];
  computedAt: string;
}
