import type { ChildControls, ChildProfile, Entitlement, PlaybackEpisode } from './family-models';

/** Port: the child's profile (profile) and the parent's controls (identity). */
export abstract class ChildRules {
  /** The child's owner and age band, or `null` when profile does not know it. */
  abstract profile(childProfileId: string): Promise<ChildProfile | null>;
  /** The parent's controls of the child, or `null` when none are set (playback then uses the safe defaults). */
  abstract controls(childProfileId: string): Promise<ChildControls | null>;
}

/** Port: episodes (catalog). */
export abstract class EpisodeSource {
  /** The episode, or `null` when catalog does not know it. */
  abstract find(episodeId: string): Promise<PlaybackEpisode | null>;
}

/** Port: entitlements (billing). Throws `EntitlementUnavailableError` when billing cannot answer. */
export abstract class Entitlements {
  /** The child's family entitlement, or `null` when billing has none. */
  abstract forChild(childProfileId: string): Promise<Entitlement | null>;
}

/** Port: minutes a child watched on one local day (progress). */
export abstract class UsageSource {
  /** Minutes used on `date` (YYYY-MM-DD in the child's time zone). */
  abstract minutesUsed(childProfileId: string, date: string): Promise<number>;
}

/** Port: single-use parent gate tokens (identity). */
export abstract class GateTokens {
  /** Consumes `gateToken` for the child; `true` only the first time for a valid token. */
  abstract consume(childProfileId: string, gateToken: string): Promise<boolean>;
}
