import { missionStreakDays, summarize } from './progress-summary';

describe('missionStreakDays', () => {
  const days = (...d: string[]) => new Set(d);

  it('counts consecutive days ending today, or yesterday when today has none, without a cap', () => {
    const run = Array.from({ length: 12 }, (_, i) => `2026-11-${String(20 + i - 1).padStart(2, '0')}`).filter((d) => d <= '2026-11-30');
    expect(missionStreakDays(days(...run, '2026-12-01'), '2026-12-01')).toBe(run.length + 1);
    expect(missionStreakDays(days('2026-11-30', '2026-11-29'), '2026-12-01')).toBe(2);
    expect(missionStreakDays(days('2026-11-29'), '2026-12-01')).toBe(0);
    expect(missionStreakDays(days('2026-12-01', '2026-11-29'), '2026-12-01')).toBe(1);
    expect(missionStreakDays(days(), '2026-12-01')).toBe(0);
  });
});

describe('summarize', () => {
  it('computes minutes today and over 7 local days, the completion share and the cap', () => {
    const history = {
      started: 3,
      completed: 2,
      lastEpisodeId: 'ep-3',
      days: [
        { localDate: '2026-11-24', watchedMs: 3_600_000, completions: 1 },
        { localDate: '2026-11-25', watchedMs: 600_000, completions: 0 },
        { localDate: '2026-12-01', watchedMs: 1_859_999, completions: 1 },
      ],
    };
    expect(summarize('c1', history, '2026-12-01', 30)).toEqual({
      child_profile_id: 'c1',
      watched_minutes_today: 30,
      watched_minutes_7d: 40,
      completion_percent: 67,
      mission_streak_days: 1,
      session_limit_minutes: 30,
      session_minutes_used: 30,
      session_capped: true,
      last_episode_id: 'ep-3',
    });
    expect(summarize('c1', history, '2026-12-01', 31).session_capped).toBe(false);
  });
});
