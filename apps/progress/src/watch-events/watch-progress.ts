/** Share of an episode's duration from which it counts as completed. */
export const COMPLETION_RATIO = 0.9;

/** One accepted watch event, as the repository applies it. */
export interface WatchRecord {
  childProfileId: string;
  episodeId: string;
  /** When the player saw the position. With child and episode, the event's natural key. */
  eventTime: Date;
  /** The child's local day of `eventTime` (`YYYY-MM-DD`), the ledger row it counts in. */
  localDate: string;
  /** The position reached in the episode, ms. */
  watchMs: number;
  /** The episode's duration, ms (for the completed flag). */
  durationMs: number;
  /** The parent paused the history: the resume point moves, recommendations skip the event. */
  historyPaused: boolean;
  /** The child's parent, who owns the stored rows (row-level security); absent: the acting scope's parent. */
  parentUserId?: string;
}

/** The resume point of one child in one episode. */
export interface EpisodePosition {
  positionMs: number;
  completed: boolean;
  /** The event time of the newest event applied. */
  lastEventTime: Date;
}

/** What applying a {@link WatchRecord} did. */
export interface RecordOutcome {
  /** The same (child, episode, event time) was already recorded: nothing changed. */
  duplicate: boolean;
  /** The resume point after the event. */
  positionMs: number;
  completed: boolean;
  /** The increase over the previous position (ms, ≥ 0) added to the day's ledger. */
  watchedMs: number;
  /** This event crossed the completion mark. */
  newlyCompleted: boolean;
}

/**
 * The next resume point from the previous one and an event: `watchMs` is the position reached,
 * watched time is its increase over the previous position (never negative; a seek back counts
 * nothing until the child passes the old position again); completed once ≥ 90 % of the
 * duration was reached, and it stays completed. An event older than the newest one applied
 * (out of order) keeps the resume point and adds no watched time, but its completion counts
 * (the child reached the mark, then went back).
 */
export function advance(previous: EpisodePosition | null, record: WatchRecord): { next: EpisodePosition; outcome: RecordOutcome } {
  const reachedMark = record.durationMs > 0 && record.watchMs >= COMPLETION_RATIO * record.durationMs;
  if (previous && record.eventTime.getTime() < previous.lastEventTime.getTime()) {
    const completed = previous.completed || reachedMark;
    return {
      next: { ...previous, completed },
      outcome: {
        duplicate: false,
        positionMs: previous.positionMs,
        completed,
        watchedMs: 0,
        newlyCompleted: completed && !previous.completed,
      },
    };
  }
  const before = previous?.positionMs ?? 0;
  const completed = (previous?.completed ?? false) || reachedMark;
  const next: EpisodePosition = { positionMs: record.watchMs, completed, lastEventTime: record.eventTime };
  return {
    next,
    outcome: {
      duplicate: false,
      positionMs: record.watchMs,
      completed,
      watchedMs: Math.max(0, record.watchMs - before),
      newlyCompleted: completed && !(previous?.completed ?? false),
    },
  };
}

/** One row of a child's ledger: one local day. */
export interface DayUsage {
  localDate: string;
  watchedMs: number;
  /** Episodes completed that day. */
  completions: number;
}

/** What the progress summary is computed from. */
export interface ChildHistory {
  /** Episodes with at least one event. */
  started: number;
  completed: number;
  /** The episode of the newest event, or `null` for a child without events. */
  lastEpisodeId: string | null;
  /** Every ledger day, oldest first. */
  days: DayUsage[];
}
