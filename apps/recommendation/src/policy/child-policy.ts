import { createHash } from 'node:crypto';
import type { RecommendationControls } from '../upstreams/child-controls';
import type { CatalogEpisode } from '../upstreams/catalog-source';
import type { ChildProfileView } from '../upstreams/child-profiles';
import { type AgeBand, bandRank, isAgeBand, youngestBand } from './age-band';

/** Everything that decides what one child may be shown, from profile and identity only. */
export interface ChildPolicy {
  childProfileId: string;
  parentUserId: string;
  /** The child's real band (profile), never a request parameter. */
  childBand: AgeBand;
  /** The oldest band allowed: the youngest of the child's band, the parent's `max_age_band` and a narrower mode. */
  ceiling: AgeBand;
  safetyMode: 'strict' | 'balanced';
  approvedOnly: boolean;
  approvedShowIds: ReadonlySet<string>;
  blockedShowIds: ReadonlySet<string>;
  historyPaused: boolean;
}

/** Builds the policy of a child from its profile and its parent's controls; `narrowTo` (a mode's band) can only lower the ceiling. */
export function policyOf(profile: ChildProfileView, controls: RecommendationControls, narrowTo?: AgeBand): ChildPolicy {
  return {
    childProfileId: profile.childProfileId,
    parentUserId: profile.parentUserId,
    childBand: profile.ageBand,
    ceiling: youngestBand(profile.ageBand, controls.maxAgeBand, narrowTo),
    safetyMode: controls.safetyMode,
    approvedOnly: controls.approvedOnly,
    approvedShowIds: new Set(controls.approvedShowIds),
    blockedShowIds: new Set(controls.blockedShowIds),
    historyPaused: controls.historyPaused,
  };
}

/** The bands a candidate may come from under `policy`, youngest first. */
export function allowedBands(policy: ChildPolicy): AgeBand[] {
  return (['3-5', '6-11', '12-16'] as AgeBand[]).filter((band) => bandRank(band) <= bandRank(policy.ceiling));
}

/**
 * The one rule every rail item passes: published and playback-ready, a known band no older
 * than the policy's ceiling, a show the parent did not block and, with approved-only, a show
 * the parent approved.
 */
export function allows(policy: ChildPolicy, episode: CatalogEpisode, now: Date = new Date()): boolean {
  if (!episode.published || !episode.playbackReady || episode.publishedAt === null) return false;
  const publishedAt = Date.parse(episode.publishedAt);
  if (!Number.isFinite(publishedAt) || publishedAt > now.getTime()) return false;
  if (!isAgeBand(episode.ageBand) || bandRank(episode.ageBand) > bandRank(policy.ceiling)) return false;
  if (policy.blockedShowIds.has(episode.showId)) return false;
  return !policy.approvedOnly || policy.approvedShowIds.has(episode.showId);
}

/** Whether the parent's controls narrowed the child's home (a rail item's `safety_applied`). */
export function parentSafetyApplied(policy: ChildPolicy): boolean {
  return (
    policy.safetyMode === 'strict' ||
    policy.approvedOnly ||
    policy.blockedShowIds.size > 0 ||
    bandRank(policy.ceiling) < bandRank(policy.childBand)
  );
}

/** A digest of the policy: a stored home is only served again under the same digest. */
export function policyKey(policy: ChildPolicy): string {
  const canonical = JSON.stringify([
    policy.childBand,
    policy.ceiling,
    policy.safetyMode,
    policy.approvedOnly,
    [...policy.approvedShowIds].sort(),
    [...policy.blockedShowIds].sort(),
    policy.historyPaused,
  ]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}
