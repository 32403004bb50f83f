import type { ProgressRepository } from './progress.repository';
import type { WatchRecord } from './watch-progress';

/** The tenant the contract's records belong to (the Postgres spec's service scope names it). */
export const CONTRACT_TENANT = 'contract-tenant';

/**
 * The behaviour every ProgressRepository adapter must have. Each adapter's spec calls this
 * with a factory, so the memory and Postgres stores cannot drift apart.
 */
export function progressRepositoryContract(name: string, make: () => Promise<ProgressRepository> | ProgressRepository): void {
  describe(`ProgressRepository contract: ${name}`, () => {
    let repo: ProgressRepository;
    const child = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    const at = (iso: string, watchMs: number, over: Partial<WatchRecord> = {}): Omit<WatchRecord, 'childProfileId'> => ({
      episodeId: 'ep-1',
      eventTime: new Date(iso),
      localDate: iso.slice(0, 10),
      watchMs,
      durationMs: 600_000,
      historyPaused: false,
      ...over,
    });

    beforeEach(async () => {
      repo = await make();
    });

    it('advances the resume point and adds the increase to the local day', async () => {
      const c = child('a');
      expect(await repo.record({ childProfileId: c, ...at('2026-12-01T10:00:00.000Z', 60_000) })).toEqual({
        duplicate: false,
        positionMs: 60_000,
        completed: false,
        watchedMs: 60_000,
        newlyCompleted: false,
      });
      expect(await repo.record({ childProfileId: c, ...at('2026-12-01T10:02:00.000Z', 180_000) })).toMatchObject({
        watchedMs: 120_000,
        positionMs: 180_000,
      });
      expect(await repo.watchedOn(c, '2026-12-01')).toBe(180_000);
      expect(await repo.watchedOn(c, '2026-12-02')).toBe(0);
      expect(await repo.history(c)).toEqual({
        started: 1,
        completed: 0,
        lastEpisodeId: 'ep-1',
        days: [{ localDate: '2026-12-01', watchedMs: 180_000, completions: 0 }],
      });
    });

    it('counts a resend of the same child, episode and event time once', async () => {
      const c = child('b');
      const event = { childProfileId: c, ...at('2026-12-01T10:00:00.000Z', 90_000) };
      await repo.record(event);
      expect(await repo.record({ ...event })).toEqual({
        duplicate: true,
        positionMs: 90_000,
        completed: false,
        watchedMs: 0,
        newlyCompleted: false,
      });
      expect(await repo.watchedOn(c, '2026-12-01')).toBe(90_000);
    });

    it('never counts a seek back, marks completion at 90 % once, and keeps the resume point for an out-of-order older event', async () => {
      const c = child('c');
      await repo.record({ childProfileId: c, ...at('2026-12-01T10:00:00.000Z', 300_000) });
      expect(await repo.record({ childProfileId: c, ...at('2026-12-01T10:01:00.000Z', 100_000) })).toMatchObject({
        watchedMs: 0,
        positionMs: 100_000,
      });
      expect(await repo.record({ childProfileId: c, ...at('2026-12-01T10:09:00.000Z', 540_000) })).toMatchObject({
        watchedMs: 440_000,
        completed: true,
        newlyCompleted: true,
      });
      expect(await repo.record({ childProfileId: c, ...at('2026-12-01T10:10:00.000Z', 600_000) })).toMatchObject({
        completed: true,
        newlyCompleted: false,
        watchedMs: 60_000,
      });
      expect(await repo.record({ childProfileId: c, ...at('2026-12-01T10:05:00.000Z', 599_000) })).toMatchObject({
        duplicate: false,
        watchedMs: 0,
        positionMs: 600_000,
      });
      expect((await repo.history(c)).days).toEqual([{ localDate: '2026-12-01', watchedMs: 800_000, completions: 1 }]);
    });

    it('counts the completion of an out-of-order older event on its own day, without watched time', async () => {
      const c = child('g');
      await repo.record({ childProfileId: c, ...at('2026-12-02T10:00:00.000Z', 60_000, { localDate: '2026-12-02' }) });
      expect(await repo.record({ childProfileId: c, ...at('2026-12-01T10:00:00.000Z', 580_000) })).toEqual({
        duplicate: false,
        positionMs: 60_000,
        completed: true,
        watchedMs: 0,
        newlyCompleted: true,
      });
      expect(await repo.history(c)).toEqual({
        started: 1,
        completed: 1,
        lastEpisodeId: 'ep-1',
        days: [
          { localDate: '2026-12-01', watchedMs: 0, completions: 1 },
          { localDate: '2026-12-02', watchedMs: 60_000, completions: 0 },
        ],
      });
    });

    it('keeps ledgers per local day and counts started, completed and the newest episode', async () => {
      const c = child('d');
      await repo.record({ childProfileId: c, ...at('2026-12-01T10:00:00.000Z', 590_000, { episodeId: 'ep-a' }) });
      await repo.record({ childProfileId: c, ...at('2026-12-02T10:00:00.000Z', 60_000, { episodeId: 'ep-b', localDate: '2026-12-02' }) });
      await repo.record({
        childProfileId: c,
        ...at('2026-12-02T09:00:00.000Z', 60_000, { episodeId: 'ep-c', localDate: '2026-12-02', historyPaused: true }),
      });
      expect(await repo.history(c)).toEqual({
        started: 3,
        completed: 1,
        lastEpisodeId: 'ep-b',
        days: [
          { localDate: '2026-12-01', watchedMs: 590_000, completions: 1 },
          { localDate: '2026-12-02', watchedMs: 120_000, completions: 0 },
        ],
      });
    });

    it('answers an empty history for an unknown child and erases a child completely', async () => {
      const c = child('e');
      expect(await repo.history(c)).toEqual({ started: 0, completed: 0, lastEpisodeId: null, days: [] });
      expect(await repo.erase(CONTRACT_TENANT, c)).toBe(false);
      const other = child('other');
      await repo.record({ childProfileId: c, ...at('2026-12-01T10:00:00.000Z', 60_000) });
      await repo.record({ childProfileId: other, ...at('2026-12-01T10:00:00.000Z', 60_000) });
      expect(await repo.erase(CONTRACT_TENANT, c)).toBe(true);
      expect(await repo.history(c)).toEqual({ started: 0, completed: 0, lastEpisodeId: null, days: [] });
      expect(await repo.watchedOn(c, '2026-12-01')).toBe(0);
      expect(await repo.record({ childProfileId: c, ...at('2026-12-01T10:00:00.000Z', 60_000) })).toMatchObject({
        duplicate: false,
        watchedMs: 60_000,
      });
      expect((await repo.history(other)).started).toBe(1);
    });

    it('applies concurrent events of one episode one after the other, each resend once', async () => {
      const c = child('f');
      const events = [1, 2, 3, 4, 5].map((m) => ({ childProfileId: c, ...at(`2026-12-01T10:0${m}:00.000Z`, m * 60_000) }));
      await Promise.all([...events, ...events].map((e) => repo.record(e)));
      const { days } = await repo.history(c);
      expect(days).toHaveLength(1);
      expect(days[0].watchedMs).toBeLessThanOrEqual(300_000);
      expect(days[0].watchedMs).toBeGreaterThan(0);
      expect((await repo.record({ childProfileId: c, ...at('2026-12-01T10:09:00.000Z', 360_000) })).positionMs).toBe(360_000);
    });
  });
}
