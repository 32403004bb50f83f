import { decodeCursor, encodeCursor } from './episode-cursor';
import { projectPublished } from './episode-projection';
import { episodeInput } from './episodes-repository.contract';

describe('projectPublished (episode.published → catalog entry)', () => {
  const at = '2026-11-30T10:00:00.000Z';

  it.each([
    ['0+', '3-5'],
    ['3+', '3-5'],
    ['6+', '6-11'],
    ['9+', '6-11'],
    ['12+', '12-16'],
  ] as const)('maps ageRating %s to band %s when the event names no ageBand', (ageRating, band) => {
    expect(projectPublished({ payload: { episodeId: 'e1', missionId: 'm1', ageRating }, occurredAt: at }, null)).toEqual({
      episodeId: 'e1',
      showId: 'm1',
      title: 'e1',
      summary: '',
      ageBand: band,
      durationMs: 0,
      learningTags: [],
      playbackReady: false,
      thumbnail: 'episodes/e1/thumb.jpg',
      publishedAt: at,
      renditions: [],
    });
  });

  it('keeps what the catalog has where the event is silent, and an existing publication instant', () => {
    const stored = episodeInput({ episodeId: 'e2', publishedAt: '2026-01-01T00:00:00.000Z' });
    const projected = projectPublished(
      { payload: { episodeId: 'e2', missionId: 'other', ageRating: '12+', title: 'New title' }, occurredAt: at },
      { ...stored, updatedAt: at },
    );
    expect(projected).toStrictEqual({ ...stored, title: 'New title' });
  });

  it("lists the event's master playlist first as the adaptive rendition, and keeps it on an event without renditions", () => {
    const ladder = [
      { profile: '720p', storageKey: 'episodes/e3/720p/index.m3u8' },
      { profile: '360p', storageKey: 'episodes/e3/360p/index.m3u8' },
    ];
    const base = { episodeId: 'e3', missionId: 'm3', ageRating: '6+' } as const;
    const first = projectPublished(
      { payload: { ...base, renditions: ladder, masterKey: 'episodes/e3/master.m3u8' }, occurredAt: at },
      null,
    );
    expect(first.renditions).toEqual([{ profile: 'adaptive', storageKey: 'episodes/e3/master.m3u8' }, ...ladder]);
    expect(first.playbackReady).toBe(true);
    const again = projectPublished({ payload: { ...base, title: 'Renamed' }, occurredAt: at }, { ...first, updatedAt: at });
    expect(again.renditions).toEqual(first.renditions);
    const withoutMaster = projectPublished({ payload: { ...base, renditions: ladder }, occurredAt: at }, { ...first, updatedAt: at });
    expect(withoutMaster.renditions).toEqual(ladder);
  });
});

describe('episode cursors', () => {
  it('round-trip, and anything else is invalid_cursor', () => {
    const cursor = { publishedAt: '2026-11-30T10:00:00.000Z', episodeId: 'ep-demo-1' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    const forged = [
      Buffer.from('["2026-11-30T10:00:00Z","x"]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
      'a+b',
      '',
    ];
    for (const text of forged) expect(() => decodeCursor(text)).toThrow(expect.objectContaining({ code: 'invalid_cursor', status: 400 }));
  });
});
