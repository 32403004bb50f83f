import type { RailItem } from '@mikasmissions/contracts-api';
import { ProgressUpdated } from '@mikasmissions/contracts-events';
import { type Answer, eventually, who } from '@mikasmissions/testing';
import { show } from '../testing/catalog-fixtures';
import { uid } from '../testing/family-fixtures';
import { OPEN_CONTROLS, type RecommendationTestApp, startRecommendationApp } from '../testing/recommendation-test-app';

jest.setTimeout(60_000);

const DAY = 86_400_000;
const CATALOG = [
  ...show('moon-mission', 20, { learningTags: ['space', 'counting'] }),
  ...show('ocean-friends', 8, { learningTags: ['ocean', 'animals'] }, 21),
  ...show('robot-lab', 16, { learningTags: ['coding', 'counting'] }, 30),
  ...show('farm-songs', 6, { ageBand: '3-5', learningTags: ['animals', 'music'] }, 46),
  ...show('teen-code', 6, { ageBand: '12-16', learningTags: ['coding'] }, 52),
];

/** `reason: id, id, …` per rail, in order. */
function summary(answer: Answer): string[] {
  const rails = new Map<string, string[]>();
  for (const item of answer.body.rails as RailItem[])
    rails.set(item.reason_code, [...(rails.get(item.reason_code) ?? []), `${item.episode_id}(${item.age_fit_score})`]);
  return [...rails.entries()].map(([reason, items]) => `${reason}: ${items.join(', ')}`);
}

describe('one child, before and after a week of simulated watching (Postgres + Redis, events through the outbox and Redis Streams)', () => {
  let t: RecommendationTestApp;

  beforeAll(async () => {
    t = await startRecommendationApp('express', 'postgres+redis');
    t.catalog.replace(CATALOG);
  });
  afterAll(() => t?.close());

  it('moves from popular/new/learning to continue, next, because-you-watched and a learning path', async () => {
    const parent = uid('p');
    const kid = uid('mika');
    t.profiles.set({ childProfileId: kid, parentUserId: parent, ageBand: '6-11' });
    t.controls.set(kid, OPEN_CONTROLS);
    const start = Date.now() - 7 * DAY;
    const tags = (id: string) => CATALOG.find((e) => e.episodeId === id)?.learningTags ?? [];
    const completions = [
      ['ocean-friends-1', 1],
      ['ocean-friends-2', 2],
      ['robot-lab-1', 3],
    ] as const;
    for (const [episodeId, times] of completions) {
      for (let n = 0; n < times; n++) {
        const friend = uid('friend');
        t.profiles.set({ childProfileId: friend, parentUserId: uid('op'), ageBand: '6-11' });
        await t.publish(ProgressUpdated, {
          childId: friend,
          episodeId,
          positionSeconds: 600,
          completed: true,
          eventTime: new Date(start + DAY).toISOString(),
          learningTags: tags(episodeId),
        });
      }
    }
    const counted = () =>
      t.features.popularInBand(
        '6-11',
        new Date(Date.now() - 7 * DAY),
        CATALOG.map((e) => e.episodeId),
      );
    expect((await eventually(counted, (p) => p.reduce((n, x) => n + x.completions, 0) >= 6)).map((p) => p.episodeId).slice(0, 3)).toEqual([
      'robot-lab-1',
      'ocean-friends-2',
      'ocean-friends-1',
    ]);
    const before = await t.get(`/v1/kids/home?child_profile_id=${kid}&mode=core`, who.child(parent, kid));

    for (let day = 0; day < 7; day++) {
      const episodeId = `moon-mission-${day + 1}`;
      await t.publish(ProgressUpdated, {
        childId: kid,
        episodeId,
        positionSeconds: 600,
        completed: true,
        eventTime: new Date(start + day * DAY + 3_600_000).toISOString(),
        learningTags: tags(episodeId),
      });
    }
    await t.publish(ProgressUpdated, {
      childId: kid,
      episodeId: 'robot-lab-2',
      positionSeconds: 140,
      completed: false,
      eventTime: new Date(Date.now() - 600_000).toISOString(),
      learningTags: tags('robot-lab-2'),
    });
    const after = await eventually(
      () => t.get(`/v1/kids/home?child_profile_id=${kid}&mode=core`, who.child(parent, kid)),
      (a) =>
        (a.body.rails as RailItem[]).some((r) => r.reason_code === 'continue_watching') &&
        (a.body.rails as RailItem[]).some((r) => r.episode_id === 'moon-mission-8'),
      10_000,
    );
    console.info(
      [
        'kids home of one 6-11 child (mode core), rail: episode(age_fit_score)',
        '',
        'before any watching:',
        ...summary(before).map((l) => `  ${l}`),
        '',
        'after a week (moon-mission 1-7 completed one a day, robot-lab-2 started):',
        ...summary(after).map((l) => `  ${l}`),
      ].join('\n'),
    );

    const reasonsBefore = [...new Set((before.body.rails as RailItem[]).map((r) => r.reason_code))];
    expect(reasonsBefore).toEqual(['popular_in_band', 'new_in_band', 'learning_path']);
    const afterItems = after.body.rails as RailItem[];
    const by = (reason: string) => afterItems.filter((r) => r.reason_code === reason).map((r) => r.episode_id);
    expect(by('continue_watching')).toEqual(['robot-lab-2']);
    expect(by('next_episode')).toEqual(['robot-lab-3', 'moon-mission-8']);
    expect(by('because_you_watched').length).toBeGreaterThan(0);
    expect(by('learning_path').length).toBeGreaterThan(0);
    expect(afterItems.some((r) => /^moon-mission-[1-7]$/.test(r.episode_id))).toBe(false);
    expect(afterItems.some((r) => r.age_band === '12-16')).toBe(false);
  });
});
