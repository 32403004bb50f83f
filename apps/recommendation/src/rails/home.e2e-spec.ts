import type { RailItem } from '@mikasmissions/contracts-api';
import { ChildProfileDeleted, EpisodePublished, ParentControlsUpdated, ProgressUpdated } from '@mikasmissions/contracts-events';
import { ADAPTERS, type Answer, eventually, type TestStores, who } from '@mikasmissions/testing';
import { episode, show } from '../testing/catalog-fixtures';
import { uid, wireControls } from '../testing/family-fixtures';
import { OPEN_CONTROLS, type RecommendationTestApp, startRecommendationApp } from '../testing/recommendation-test-app';

const CATALOG = [
  ...show('show-moon', 4, { learningTags: ['space', 'counting'] }),
  ...show('show-ocean', 6, { learningTags: ['ocean', 'space'] }, 10),
  ...show('show-farm', 4, { ageBand: '3-5', learningTags: ['animals'] }, 20),
  ...show('show-teen', 3, { ageBand: '12-16', learningTags: ['coding'] }, 25),
  episode('draft-1', { showId: 'show-moon', published: false, publishedAt: null }),
  episode('not-ready-1', { showId: 'show-ocean', playbackReady: false }),
];

const rails = (answer: Answer): RailItem[] => answer.body.rails as RailItem[];
const ids = (answer: Answer, reason?: string): string[] =>
  rails(answer)
    .filter((r) => !reason || r.reason_code === reason)
    .map((r) => r.episode_id);
const reasons = (answer: Answer): string[] => [...new Set(rails(answer).map((r) => r.reason_code))];

jest.setTimeout(30_000);

describe.each(ADAPTERS)('recommendation home on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres+redis'])('with %s stores', (stores) => {
    let t: RecommendationTestApp;
    const parent = uid('p');
    const child = (band: '3-5' | '6-11' | '12-16' = '6-11', parentUserId = parent): string => {
      const id = uid('k');
      t.profiles.set({ childProfileId: id, parentUserId, ageBand: band });
      t.controls.set(id, OPEN_CONTROLS);
      return id;
    };
    const home = (childId: string, mode = 'core', identity = who.parent(parent)) =>
      t.get(`/v1/kids/home?child_profile_id=${childId}&mode=${mode}`, identity);
    let clock = Date.now() - 3_600_000;
    const watch = (childId: string, episodeId: string, positionSeconds: number, completed = false, extra: Record<string, unknown> = {}) => {
      clock += 1_000;
      const eventTime = new Date(clock).toISOString();
      return t.publish(ProgressUpdated, {
        childId,
        episodeId,
        positionSeconds,
        completed,
        eventTime,
        learningTags: CATALOG.find((e) => e.episodeId === episodeId)?.learningTags,
        ...extra,
      });
    };

    beforeAll(async () => {
      t = await startRecommendationApp(adapter, stores);
      t.catalog.replace(CATALOG);
    });
    afterAll(() => t?.close());

    it('answers /health and /ready', async () => {
      expect((await t.get('/v1/health', null)).status).toBe(200);
      const ready = await t.get('/v1/ready', null);
      expect(ready.status).toBe(200);
      if (stores.includes('postgres')) expect(ready.body).toMatchObject({ details: { postgres: { status: 'up' } } });
    });

    it('gives a new child popular, new and learning rails, each item complete, policy-filtered, never twice', async () => {
      for (const [i, ep] of ['show-ocean-3', 'show-ocean-3', 'show-ocean-5'].entries()) {
        const other = child('6-11', `other-parent-${i}`);
        await watch(other, ep, 600, true);
      }
      const counted = async () =>
        (
          await t.features.popularInBand(
            '6-11',
            new Date(Date.now() - 7 * 86_400_000),
            CATALOG.map((e) => e.episodeId),
          )
        ).map((p) => p.episodeId);
      expect(await eventually(counted, (eps) => eps.includes('show-ocean-3') && eps.includes('show-ocean-5'))).toContain('show-ocean-5');
      const kid = child('6-11');
      const answer = await home(kid);
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({
        child_profile_id: kid,
        mode: 'core',
        safety_mode: 'balanced',
        primary_actions: ['Resume', 'Mission', 'Explore', 'Progress', 'Library'],
      });
      expect(reasons(answer)).toEqual(['popular_in_band', 'new_in_band', 'learning_path']);
      expect(ids(answer, 'popular_in_band')[0]).toBe('show-ocean-3');
      expect(ids(answer, 'popular_in_band')).toContain('show-ocean-5');
      const all = ids(answer);
      expect(new Set(all).size).toBe(all.length);
      expect(all.some((id) => id.startsWith('show-teen') || id === 'draft-1' || id === 'not-ready-1')).toBe(false);
      const item = rails(answer).find((r) => r.episode_id === 'show-farm-1');
      expect(item).toEqual({
        episode_id: 'show-farm-1',
        title: 'Episode show-farm-1',
        summary: 'What happens in show-farm-1.',
        thumbnail_url: 'https://media.example.test/show-farm-1/thumb.jpg',
        duration_ms: 600_000,
        age_band: '3-5',
        content_suitability: 'early',
        learning_tags: ['animals'],
        reason_code: expect.stringMatching(/^(new_in_band|learning_path)$/),
        safety_applied: false,
        age_fit_score: 0.42,
      });
      expect(new Set(rails(answer).map((r) => r.age_fit_score)).size).toBeGreaterThan(1);
    });

    it('answers each mode with its primary actions, the parent safety mode, and 403 mode_not_allowed above the band', async () => {
      const teen = child('12-16');
      t.controls.set(teen, { ...OPEN_CONTROLS, safetyMode: 'strict' });
      const actions = {
        early: ['Start', 'Mission', 'Favorites', 'Pause'],
        core: ['Resume', 'Mission', 'Explore', 'Progress', 'Library'],
        teen: ['Watch', 'Watchlist', 'Explore', 'Learn', 'Report'],
      };
      for (const [mode, expected] of Object.entries(actions)) {
        const answer = await home(teen, mode);
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({ mode, safety_mode: 'strict', primary_actions: expected });
        expect(rails(answer).every((r) => r.safety_applied)).toBe(true);
      }
      const early = await home(teen, 'early');
      expect(rails(early).every((r) => r.age_band === '3-5')).toBe(true);
      const young = child('3-5');
      for (const mode of ['core', 'teen']) {
        const refused = await home(young, mode);
        expect(refused.status).toBe(403);
        expect(refused.body.error?.code).toBe('mode_not_allowed');
      }
      expect((await home(young, 'early')).status).toBe(200);
    });

    it('refuses bad input, strangers and unknown children with the contract codes', async () => {
      const kid = child('6-11');
      const expectCode = (a: Answer, status: number, code: string) => expect([a.status, a.body.error?.code]).toEqual([status, code]);
      expectCode(await t.get('/v1/kids/home?mode=core', who.parent(parent)), 400, 'validation_failed');
      expectCode(
        await t.get(`/v1/home/rails?child_profile_id=${encodeURIComponent('bad id!')}`, who.parent(parent)),
        400,
        'validation_failed',
      );
      expectCode(await home(kid, 'toddler'), 400, 'invalid_mode');
      expectCode(await t.get(`/v1/kids/home?child_profile_id=${kid}&mode=core`, null), 401, 'missing_identity');
      expectCode(await home(kid, 'core', who.admin()), 403, 'insufficient_role');
      expectCode(await home(kid, 'core', who.parent('someone-else')), 403, 'child_profile_forbidden');
      expectCode(await home(kid, 'core', who.child(parent, 'another-kid')), 403, 'child_profile_forbidden');
      expectCode(await home('nobody-knows', 'core', who.parent(parent)), 403, 'child_profile_forbidden');
      expectCode(await home('nobody-knows', 'core', who.service()), 404, 'child_profile_not_found');
      expectCode(await t.get('/v1/home/rails?child_profile_id=nobody-knows', who.service()), 404, 'child_profile_not_found');
      expect((await home(kid, 'core', who.child(parent, kid))).status).toBe(200);
      expect((await home(kid, 'core', who.service())).status).toBe(200);
    });

    it('changes the rails after watch events: continue watching appears, the next episode follows', async () => {
      const kid = child('6-11');
      const before = await t.get(`/v1/home/rails?child_profile_id=${kid}`, who.child(parent, kid));
      expect(before.status).toBe(200);
      expect(ids(before, 'continue_watching')).toEqual([]);
      await watch(kid, 'show-moon-1', 120);
      const after = await eventually(
        () => t.get(`/v1/home/rails?child_profile_id=${kid}`, who.child(parent, kid)),
        (a) => ids(a, 'continue_watching').length > 0,
      );
      expect(ids(after, 'continue_watching')).toEqual(['show-moon-1']);
      expect(ids(after, 'next_episode')).toEqual(['show-moon-2']);
      expect(reasons(after).slice(0, 3)).toEqual(['continue_watching', 'next_episode', 'because_you_watched']);
      await watch(kid, 'show-moon-1', 600, true);
      await watch(kid, 'show-moon-2', 60);
      const later = await eventually(
        () => t.get(`/v1/home/rails?child_profile_id=${kid}`, who.child(parent, kid)),
        (a) => ids(a, 'continue_watching')[0] === 'show-moon-2',
      );
      expect(ids(later, 'continue_watching')).toEqual(['show-moon-2']);
      expect(ids(later, 'next_episode')).toEqual(['show-moon-3']);
      expect(ids(later, 'because_you_watched')[0]).toMatch(/^show-(moon|ocean)-/);
      expect(ids(later)).not.toContain('show-moon-1');
    });

    it('keeps events of a paused history out of the rails', async () => {
      const kid = child('6-11');
      await watch(kid, 'show-ocean-2', 100, false, { historyPaused: true });
      await watch(kid, 'show-moon-3', 50);
      const states = await eventually(
        () => t.features.watchStates(kid),
        (s) => s.length > 0,
      );
      expect(states.map((s) => s.episodeId)).toEqual(['show-moon-3']);
      expect(ids(await home(kid), 'continue_watching')).toEqual(['show-moon-3']);
    });

    it('lets every cached home go stale on episode.published, and the refresh shows the new episode', async () => {
      const kid = child('6-11');
      expect((await home(kid)).headers.get('x-cache')).toBe('MISS');
      expect((await home(kid)).headers.get('x-cache')).toBe('HIT');
      t.catalog.upsert(
        episode('news-1', { showId: 'show-news', learningTags: ['news'], publishedAt: new Date(Date.now() - 60_000).toISOString() }),
      );
      await t.publish(EpisodePublished, { episodeId: 'news-1', missionId: 'show-news', ageRating: '6+' });
      const stale = await eventually(
        () => home(kid),
        (a) => a.headers.get('x-cache') === 'STALE',
      );
      expect(stale.headers.get('x-cache')).toBe('STALE');
      expect(ids(stale)).not.toContain('news-1');
      expect(
        ids(
          await eventually(
            () => home(kid),
            (a) => ids(a).includes('news-1'),
          ),
        ),
      ).toContain('news-1');
    });

    it('erases what it kept about a child on child.profile.deleted', async () => {
      const kid = child('6-11');
      await watch(kid, 'show-ocean-4', 90);
      expect(
        await eventually(
          () => t.features.watchStates(kid),
          (s) => s.length === 1,
        ),
      ).toHaveLength(1);
      await home(kid);
      await t.publish(ChildProfileDeleted, { parentUserId: parent, childProfileId: kid });
      expect(
        await eventually(
          () => t.features.watchStates(kid),
          (s) => s.length === 0,
        ),
      ).toEqual([]);
      expect(
        await eventually(
          () => t.features.snapshot(kid),
          (s) => s === null,
        ),
      ).toBeNull();
      expect(await t.features.child(kid)).toBeNull();
    });

    it('applies a controls change within seconds despite the cached home (event → cache invalidation)', async () => {
      const kid = child('6-11');
      const first = await home(kid);
      expect(ids(first).some((id) => id.startsWith('show-moon'))).toBe(true);
      expect((await home(kid)).headers.get('x-cache')).toBe('HIT');
      await t.publish(ParentControlsUpdated, {
        parentUserId: parent,
        childProfileId: kid,
        controls: wireControls({ blocked_show_ids: ['show-moon'], max_age_band: '3-5' }),
        changed: ['blocked_show_ids', 'max_age_band'],
      });
      const changed = await eventually(
        () => home(kid),
        (a) => !ids(a).some((id) => id.startsWith('show-moon')),
        5_000,
      );
      expect(ids(changed).length).toBeGreaterThan(0);
      expect(rails(changed).every((r) => r.age_band === '3-5' && r.safety_applied)).toBe(true);
    });

    it('serves the cached home while catalog is down, then the stored one under the same policy, else 503 catalog_unavailable', async () => {
      const kid = child('6-11');
      const first = await home(kid);
      t.catalog.down = true;
      try {
        const cached = await home(kid);
        expect([cached.status, cached.headers.get('x-cache')]).toEqual([200, 'HIT']);
        await watch(kid, 'show-farm-1', 30);
        await new Promise((r) => setTimeout(r, 1_500));
        const stored = await home(kid);
        expect(stored.status).toBe(200);
        expect(stored.body.rails).toEqual(first.body.rails);
        await t.publish(ParentControlsUpdated, {
          parentUserId: parent,
          childProfileId: kid,
          controls: wireControls({ approved_only: true, approved_show_ids: ['show-farm'] }),
          changed: ['approved_only'],
        });
        const refused = await eventually(
          () => home(kid),
          (a) => a.status === 503,
          5_000,
        );
        expect(refused.body.error?.code).toBe('catalog_unavailable');
        expect(refused.headers.get('retry-after')).toBe('1');
      } finally {
        t.catalog.down = false;
      }
      const back = await home(kid);
      expect(back.status).toBe(200);
      expect(ids(back).every((id) => id.startsWith('show-farm'))).toBe(true);
    });
  });
});
