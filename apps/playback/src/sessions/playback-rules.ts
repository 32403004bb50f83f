import { isBedtimeActive, localDayOf } from '@mikasmissions/family-rules';
import { AGE_BANDS, type AgeBand, type ChildControls, type ChildProfile, type PlaybackEpisode } from '../family/family-models';

/**
 * The controls playback applies when the parent has set none: the child's own band, a 60
 * minute day, bedtime 20:00-07:00 UTC, strict mode, no autoplay, no external links.
 */
export function defaultControls(ageBand: AgeBand): ChildControls {
  return {
    autoplay: false,
    externalLinks: false,
    sessionLimitMinutes: 60,
    bedtimeWindow: '20:00-07:00',
    safetyMode: 'strict',
    timezone: 'UTC',
    maxAgeBand: ageBand,
    approvedOnly: false,
    approvedShowIds: [],
    blockedShowIds: [],
  };
}

const rank = (band: AgeBand) => AGE_BANDS.indexOf(band);

/** Why `episode` is not allowed for the child under `controls`, or `null` when it is. */
export function episodeRefusal(
  episode: PlaybackEpisode,
  child: ChildProfile,
  controls: ChildControls,
): 'age_band' | 'max_age_band' | 'blocked_show' | 'not_approved' | null {
  if (rank(episode.ageBand) > rank(child.ageBand)) return 'age_band';
  if (rank(episode.ageBand) > rank(controls.maxAgeBand)) return 'max_age_band';
  if (controls.blockedShowIds.includes(episode.showId)) return 'blocked_show';
  if (controls.approvedOnly && !controls.approvedShowIds.includes(episode.showId)) return 'not_approved';
  return null;
}

/** The client's optional limit fields: they may only tighten. */
export interface ClientLimits {
  sessionLimitMinutes?: number;
  sessionMinutesUsed?: number;
}

/** The day's budget: the stricter limit, the larger usage, what is left (≥ 0). */
export interface DayBudget {
  limitMinutes: number;
  usedMinutes: number;
  remainingMinutes: number;
  date: string;
}

/** The child's budget on its local day of `at`: the parent's limit and progress's real usage, tightened by the client's fields. */
export function dayBudget(controls: ChildControls, realUsedMinutes: number, at: Date, client: ClientLimits = {}): DayBudget {
  const limitMinutes = Math.min(controls.sessionLimitMinutes, client.sessionLimitMinutes ?? Number.POSITIVE_INFINITY);
  const usedMinutes = Math.max(realUsedMinutes, client.sessionMinutesUsed ?? 0);
  return { limitMinutes, usedMinutes, remainingMinutes: Math.max(0, limitMinutes - usedMinutes), date: localDayOf(at, controls.timezone) };
}

/** Whether the parent's bedtime window is running on the child's clock at `at`. */
export function bedtimeNow(controls: ChildControls, at: Date): boolean {
  return isBedtimeActive(controls.bedtimeWindow, at, controls.timezone);
}
