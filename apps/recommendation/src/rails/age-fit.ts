import { type AgeBand, bandRank } from '../policy/age-band';

/** How well a band fits the child, by distance below the child's band: same band 1, one below 0.6, two below 0.3. */
const BAND_FIT = [1, 0.6, 0.3];
/** Weight of the band fit in the score; the rest is the tag overlap. */
const BAND_WEIGHT = 0.7;

/**
 * A rail item's `age_fit_score` in [0, 1]: the band fit (how far the episode's band lies below
 * the child's) weighted 0.7, plus 0.3 times the share of the episode's learning tags the child
 * has shown interest in. Rounded to two decimals.
 *
 * @example ageFitScore('6-11', '6-11', ['space'], new Set(['space'])) // 1
 */
export function ageFitScore(childBand: AgeBand, episodeBand: AgeBand, tags: readonly string[], interests: ReadonlySet<string>): number {
  const distance = Math.abs(bandRank(childBand) - bandRank(episodeBand));
  const bandFit = BAND_FIT[distance] ?? 0;
  const overlap = tags.length === 0 ? 0 : tags.filter((t) => interests.has(t)).length / tags.length;
  const score = BAND_WEIGHT * bandFit + (1 - BAND_WEIGHT) * overlap;
  return Math.round(Math.min(1, Math.max(0, score)) * 100) / 100;
}
