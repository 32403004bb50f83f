import { isAboveBand, type AgeBand } from '../episodes/age-band';
import type { Episode } from '../episodes/episode';
import type { EpisodeDenial } from '../episodes/episodes.errors';

/** What decides which episodes one child may see: its own band (profile) and its parent's controls (identity). */
export interface ChildPolicy {
  /** The child's own age band (profile). */
  ageBand: AgeBand;
  /** The parent's ceiling (`max_age_band` of the controls), if set. */
  maxAgeBand?: AgeBand;
  /** When true, only `approvedShowIds` are allowed. */
  approvedOnly: boolean;
  approvedShowIds: readonly string[];
  blockedShowIds: readonly string[];
}

/**
 * Why `policy` keeps the child from `episode`, or `null` when it may watch it. Rules, in order:
 * unknown child; above the child's own band; above the parent's `max_age_band`; show blocked;
 * `approved_only` and the show not approved. Bands order `3-5` < `6-11` < `12-16`.
 */
export function denialOf(policy: ChildPolicy | null, episode: Pick<Episode, 'ageBand' | 'showId'>): EpisodeDenial | null {
  if (!policy) return 'child_profile_unknown';
  if (isAboveBand(episode.ageBand, policy.ageBand)) return 'above_child_age_band';
  if (policy.maxAgeBand && isAboveBand(episode.ageBand, policy.maxAgeBand)) return 'above_max_age_band';
  if (policy.blockedShowIds.includes(episode.showId)) return 'show_blocked';
  if (policy.approvedOnly && !policy.approvedShowIds.includes(episode.showId)) return 'show_not_approved';
  return null;
}
