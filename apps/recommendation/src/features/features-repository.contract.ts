import type { WatchUpdate } from './child-features';
import type { FeaturesRepository } from './features.repository';

/**
 * The behaviour every FeaturesRepository adapter must have. Each adapter's spec calls this
 * with a factory, so the memory and Postgres stores cannot drift apart.
 */
export function featuresRepositoryContract(name: string, make: () => Promise<FeaturesRepository> | FeaturesRepository): void {
  describe(`FeaturesRepository contract: ${name}`, () => {
    let repo: FeaturesRepository;
    const id = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const watch = (childId: string, episodeId: string, at: string, extra: Partial<WatchUpdate> = {}): WatchUpdate => ({
      childId,
      episodeId,
      ageBand: '6-11',
      positionSeconds: 60,
      completed: false,
      learningTags: ['space'],
      eventAt: new Date(at),
      ...extra,
    });

    beforeEach(async () => {
      repo = await make();
    });

    it('keeps one state per child and episode, newest first, with the newest position', async () => {
      const child = id('k');
      await repo.recordWatch(watch(child, 'e1', '2026-11-20T10:00:00.000Z'));
      await repo.recordWatch(watch(child, 'e2', '2026-11-21T10:00:00.000Z', { positionSeconds: 30 }));
      await repo.recordWatch(watch(child, 'e1', '2026-11-22T10:00:00.000Z', { positionSeconds: 120 }));
      const states = await repo.watchStates(child);
      expect(states.map((s) => [s.episodeId, s.positionSeconds, s.lastEventAt])).toEqual([
        ['e1', 120, '2026-11-22T10:00:00.000Z'],
        ['e2', 30, '2026-11-21T10:00:00.000Z'],
      ]);
      expect(await repo.watchStates(id('nobody'))).toEqual([]);
    });

    it('never moves back for an older event, keeps completion and its first time, keeps tags when an event has none', async () => {
      const child = id('k');
      await repo.recordWatch(watch(child, 'e1', '2026-11-20T10:00:00.000Z', { positionSeconds: 500, completed: true }));
      await repo.recordWatch(watch(child, 'e1', '2026-11-19T10:00:00.000Z', { positionSeconds: 10 }));
      await repo.recordWatch(watch(child, 'e1', '2026-11-21T10:00:00.000Z', { positionSeconds: 20, completed: false, learningTags: [] }));
      expect(await repo.watchStates(child)).toEqual([
        {
          childId: child,
          episodeId: 'e1',
          ageBand: '6-11',
          positionSeconds: 20,
          completed: true,
          learningTags: ['space'],
          lastEventAt: '2026-11-21T10:00:00.000Z',
          completedAt: '2026-11-20T10:00:00.000Z',
        },
      ]);
    });

    it('counts distinct completing children per asked-for episode in one band since a time', async () => {
      const ep = id('ep');
      const other = id('ep');
      for (const [n, band] of [
        [1, '12-16'],
        [2, '12-16'],
        [3, '12-16'],
        [4, '3-5'],
      ] as const) {
        await repo.recordWatch(watch(id(`k${n}`), ep, '2026-11-25T10:00:00.000Z', { completed: true, ageBand: band }));
      }
      await repo.recordWatch(watch(id('k5'), other, '2026-11-25T10:00:00.000Z', { completed: true, ageBand: '12-16' }));
      await repo.recordWatch(watch(id('k6'), other, '2026-11-10T10:00:00.000Z', { completed: true, ageBand: '12-16' }));
      await repo.recordWatch(watch(id('k7'), other, '2026-11-25T10:00:00.000Z', { completed: false, ageBand: '12-16' }));
      expect(await repo.popularInBand('12-16', new Date('2026-11-20T00:00:00.000Z'), [])).toEqual([]);
      expect(await repo.popularInBand('12-16', new Date('2026-11-20T00:00:00.000Z'), [other])).toEqual([
        { episodeId: other, completions: 1 },
      ]);
      const popular = await repo.popularInBand('12-16', new Date('2026-11-20T00:00:00.000Z'), [ep, other, id('never')]);
      expect(popular).toEqual([
        { episodeId: ep, completions: 3 },
        { episodeId: other, completions: 1 },
      ]);
    });

    it('saves child features by patch: absent fields keep their value', async () => {
      const child = id('k');
      expect(await repo.child(child)).toBeNull();
      await repo.saveChild({ childId: child, parentUserId: 'p1', ageBand: '3-5' });
      const controls = {
        safetyMode: 'balanced' as const,
        approvedOnly: true,
        approvedShowIds: ['s1'],
        blockedShowIds: [],
        historyPaused: false,
        maxAgeBand: '3-5' as const,
      };
      await repo.saveChild({ childId: child, controls });
      expect(await repo.child(child)).toEqual({
        childId: child,
        parentUserId: 'p1',
        ageBand: '3-5',
        controls,
        updatedAt: expect.any(String),
      });
      await repo.saveChild({ childId: child, ageBand: '6-11' });
      expect(await repo.child(child)).toMatchObject({ ageBand: '6-11', controls });
    });

    it('erases a child: states, features and stored home, and its completions no longer count', async () => {
      const child = id('k');
      const other = id('k');
      const ep = id('ep');
      await repo.recordWatch(watch(child, ep, '2026-11-25T10:00:00.000Z', { completed: true }));
      await repo.recordWatch(watch(other, ep, '2026-11-25T10:00:00.000Z', { completed: true }));
      await repo.saveChild({ childId: child, parentUserId: 'p1', ageBand: '6-11' });
      await repo.saveSnapshot({ childId: child, policyKey: 'a', rails: [], computedAt: '2026-11-25T10:00:00.000Z' });
      await repo.eraseChild(child);
      expect(await repo.watchStates(child)).toEqual([]);
      expect(await repo.child(child)).toBeNull();
      expect(await repo.snapshot(child)).toBeNull();
      expect(await repo.popularInBand('6-11', new Date('2026-11-20T00:00:00.000Z'), [ep])).toEqual([{ episodeId: ep, completions: 1 }]);
      expect(await repo.watchStates(other)).toHaveLength(1);
    });

    it('replaces the stored home and hands out copies', async () => {
      const child = id('k');
      expect(await repo.snapshot(child)).toBeNull();
      await repo.saveSnapshot({ childId: child, policyKey: 'a', rails: [{ episode_id: 'e1' }], computedAt: '2026-11-20T10:00:00.000Z' });
      await repo.saveSnapshot({ childId: child, policyKey: 'b', rails: [{ episode_id: 'e2' }], computedAt: '2026-11-21T10:00:00.000Z' });
      const stored = await repo.snapshot(child);
      expect(stored).toEqual({ childId: child, policyKey: 'b', rails: [{ episode_id: 'e2' }], computedAt: '2026-11-21T10:00:00.000Z' });
      (stored?.rails as Array<Record<string, string>>)[0].episode_id = 'changed';
      expect((await repo.snapshot(child))?.rails).toEqual([{ episode_id: 'e2' }]);
    });
  });
}
