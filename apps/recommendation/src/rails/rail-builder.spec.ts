import type { WatchState } from '../features/child-features';
import { policyOf } from '../policy/child-policy';
import { episode, show } from '../testing/catalog-fixtures';
import { OPEN_CONTROLS } from '../testing/recommendation-test-app';
import { ageFitScore } from './age-fit';
import { buildRails, DISCOVERY_SIZE } from './rail-builder';

const NOW = new Date('2026-12-01T10:00:00.000Z');
const policy = policyOf({ childProfileId: 'k1', parentUserId: 'p1', ageBand: '6-11' }, OPEN_CONTROLS);
const state = (episodeId: string, minutesAgo: number, fields: Partial<WatchState> = {}): WatchState => ({
  childId: 'k1',
  episodeId,
  ageBand: '6-11',
  positionSeconds: 60,
  completed: false,
  learningTags: ['space'],
  lastEventAt: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  completedAt: null,
  ...fields,
});

describe('ageFitScore', () => {
  it('falls with the band distance and rises with the tag overlap', () => {
    expect(ageFitScore('6-11', '6-11', ['space'], new Set(['space']))).toBe(1);
    expect(ageFitScore('6-11', '6-11', ['space'], new Set())).toBe(0.7);
    expect(ageFitScore('6-11', '3-5', ['space', 'ocean'], new Set(['space']))).toBe(0.57);
    expect(ageFitScore('12-16', '3-5', [], new Set())).toBe(0.21);
  });
});

describe('buildRails', () => {
  const catalog = [
    ...show('moon', 5, { learningTags: ['space'] }),
    ...show('farm', 3, { learningTags: ['animals'] }, 10),
    episode('solo', { showId: 'solo', learningTags: ['space', 'animals'], publishedAt: '2026-11-20T10:00:00.000Z' }),
  ];
  const newestFirst = [...catalog].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));

  it('orders the rails, never repeats an episode and follows a show past its furthest episode', () => {
    const states = [
      state('moon-2', 5),
      state('moon-1', 60, { completed: true, positionSeconds: 600, completedAt: NOW.toISOString() }),
      state('farm-1', 30, { learningTags: ['animals'] }),
    ];
    const items = buildRails({
      policy,
      candidates: newestFirst,
      states,
      popular: [
        { episodeId: 'farm-3', completions: 4 },
        { episodeId: 'moon-1', completions: 9 },
      ],
      now: NOW,
    });
    const by = (reason: string) => items.filter((i) => i.reason_code === reason).map((i) => i.episode_id);
    expect(by('continue_watching')).toEqual(['moon-2', 'farm-1']);
    expect(by('next_episode')).toEqual(['moon-3', 'farm-2']);
    expect(by('popular_in_band')).toEqual([]);
    expect(by('because_you_watched').slice(0, 3)).toEqual(['moon-5', 'moon-4', 'solo']);
    expect(items.map((i) => i.episode_id)).not.toContain('moon-1');
    expect(new Set(items.map((i) => i.episode_id)).size).toBe(items.length);
    const order = ['continue_watching', 'next_episode', 'because_you_watched', 'popular_in_band', 'new_in_band', 'learning_path'];
    const seen = items.map((i) => order.indexOf(i.reason_code));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
  });

  it('gives a new child popular, new and learning rails only, each at most DISCOVERY_SIZE', () => {
    const many = show('big', 40, { learningTags: ['ocean'] });
    const items = buildRails({
      policy,
      candidates: many.reverse(),
      states: [],
      popular: [{ episodeId: 'big-3', completions: 2 }],
      now: NOW,
    });
    const reasons = [...new Set(items.map((i) => i.reason_code))];
    expect(reasons).toEqual(['popular_in_band', 'new_in_band', 'learning_path']);
    for (const reason of reasons) expect(items.filter((i) => i.reason_code === reason).length).toBeLessThanOrEqual(DISCOVERY_SIZE);
    expect(
      items
        .filter((i) => i.reason_code === 'learning_path')
        .map((i) => i.episode_id)
        .slice(0, 2),
    ).toEqual(['big-1', 'big-2']);
  });

  it('takes the tags of a watched episode from the catalog when its event had none', () => {
    const items = buildRails({
      policy,
      candidates: newestFirst,
      states: [state('farm-1', 5, { completed: true, learningTags: [] })],
      popular: [],
      now: NOW,
    });
    expect(items.filter((i) => i.reason_code === 'because_you_watched').map((i) => i.episode_id)).toEqual(['farm-3', 'solo']);
  });

  it('only ever turns candidates into items: a watched episode outside them never comes back', () => {
    const items = buildRails({
      policy,
      candidates: newestFirst.filter((e) => e.showId !== 'moon'),
      states: [state('moon-2', 5)],
      popular: [{ episodeId: 'moon-4', completions: 3 }],
      now: NOW,
    });
    expect(items.some((i) => i.episode_id.startsWith('moon'))).toBe(false);
  });
});
