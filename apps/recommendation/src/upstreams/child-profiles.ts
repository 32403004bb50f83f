import type { AgeBand } from '../policy/age-band';

/** A child as profile tells other services: ids and the real age band, nothing personal. */
export interface ChildProfileView {
  childProfileId: string;
  parentUserId: string;
  ageBand: AgeBand;
}

/**
 * Port: profile's `GET /internal/profiles/{id}`. Adapters: {@link HttpChildProfiles}
 * (ServiceClient) and {@link MemoryChildProfiles} (tests). Unknown child → `null`; profile
 * down → 503 `service_unavailable`.
 */
export abstract class ChildProfiles {
  /** The child, or `null` when profile does not know it. */
  abstract find(childProfileId: string): Promise<ChildProfileView | null>;
}
