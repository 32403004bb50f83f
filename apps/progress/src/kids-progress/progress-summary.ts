import type { ResponseBody } from '@mikasmissions/contracts-api';
import { shiftDate } from '../time/local-day';
import type { ChildHistory } from '../watch-events/watch-progress';

/** The answer of `GET /v1/kids/progress/{child_profile_id}`. */
export type KidsProgress = ResponseBody<'getKidsProgress', 200>;

const minutes = (ms: number): number => Math.floor(ms / 60_000);

/**
 * The streak: consecutive local days with a completed episode, ending today or yesterday (a
 * child who has not watched yet today keeps yesterday's streak), with no cap.
 */
export function missionStreakDays(completionDays: ReadonlySet<string>, today: string): number {
  let day = completionDays.has(today) ? today : shiftDate(today, -1);
  let streak = 0;
  while (completionDays.has(day)) {
    streak += 1;
    day = shiftDate(day, -1);
  }
  return streak;
}

/**
 * Every field of the progress answer from the child's history, today's local date and the
 * daily limit: minutes today and over the last 7 local days (today included), completion
 * share of started episodes, the streak, and the limit used from today's ledger.
 */
export function summarize(childProfileId: string, history: ChildHistory, today: string, sessionLimitMinutes: number): KidsProgress {
  const weekStart = shiftDate(today, -6);
  const todayMs = history.days.find((d) => d.localDate === today)?.watchedMs ?? 0;
  const weekMs = history.days.filter((d) => d.localDate >= weekStart && d.localDate <= today).reduce((sum, d) => sum + d.watchedMs, 0);
  const used = minutes(todayMs);
  return {
    child_profile_id: childProfileId,
    watched_minutes_today: used,
    watched_minutes_7d: minutes(weekMs),
    completion_percent: history.started === 0 ? 0 : Math.round((100 * history.completed) / history.started),
    mission_streak_days: missionStreakDays(new Set(history.days.filter((d) => d.completions > 0).map((d) => d.localDate)), today),
    session_limit_minutes: sessionLimitMinutes,
    session_minutes_used: used,
    session_capped: used >= sessionLimitMinutes,
    last_episode_id: history.lastEpisodeId,
  };
}
