import type { AgeBand } from '../policy/age-band';

/** The parental controls recommendation applies (a subset of identity's controls). */
export interface RecommendationControls {
  safetyMode: 'strict' | 'balanced';
  /** Absent: no ceiling below the child's own band. */
  maxAgeBand?: AgeBand;
  approvedOnly: boolean;
  approvedShowIds: string[];
  blockedShowIds: string[];
  historyPaused: boolean;
}

/** The strictest reading, used when identity sends a field recommendation cannot read. */
export const STRICT_CONTROLS: RecommendationControls = {
  safetyMode: 'strict',
  approvedOnly: false,
  approvedShowIds: [],
  blockedShowIds: [],
  historyPaused: false,
};

/**
 * Port: identity's `GET /internal/controls/{child}`. Adapters: {@link HttpChildControls}
 * (ServiceClient) and {@link MemoryChildControls} (tests). Unknown child → `null`; identity
 * down → 503 `service_unavailable`.
 */
export abstract class ChildControls {
  /** The child's controls, or `null` when identity does not know the child. */
  abstract find(childProfileId: string): Promise<RecommendationControls | null>;
}
