import type { EpisodeInput } from './episode';
import type { EpisodesRepository } from './episodes.repository';

/** An episode input with unique ids for one test run, overridable field by field. */
export function episodeInput(overrides: Partial<EpisodeInput> = {}): EpisodeInput {
  const id = `ep-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    episodeId: id,
    showId: 'show-contract',
    title: `Episode ${id}`,
    summary: 'A test episode.',
    ageBand: '6-11',
    durationMs: 120_000,
    learningTags: ['counting'],
    playbackReady: true,
    thumbnail: `episodes/${id}/thumb.jpg`,
    publishedAt: '2030-01-01T00:00:00.000Z',
    renditions: [{ profile: '360p', storageKey: `episodes/${id}/index.m3u8` }],
    ...overrides,
  };
}

/**
 * The behaviour every EpisodesRepository adapter must have. Each adapter's spec calls this
 * with a factory, so the memory and Postgres stores cannot drift apart. The catalog is shared,
 * so each test writes its own show and far-future publication instants and reads only those.
 */
export function episodesRepositoryContract(name: string, make: () => Promise<EpisodesRepository> | EpisodesRepository): void {
  describe(`EpisodesRepository contract: ${name}`, () => {
    let repo: EpisodesRepository;
    const show = () => `show-${Math.random().toString(36).slice(2, 10)}`;
    /** A unique year far ahead, so this test's episodes are the newest of the listing. */
    let year = 3000 + Math.floor(Math.random() * 5000);
    const at = (seconds: number, y = year) => new Date(Date.UTC(y, 0, 1, 0, 0, seconds)).toISOString();

    beforeEach(async () => {
      repo = await make();
      year += 1;
    });

    it('stores a new episode, says it was created, and finds it by id with every field', async () => {
      const input = episodeInput();
      const result = await repo.upsert(input);
      expect(result).toEqual({ episode: { ...input, updatedAt: expect.any(String) }, created: true, changed: true });
      expect(await repo.find(input.episodeId)).toEqual(result.episode);
      expect(await repo.find('ep-missing-contract')).toBeNull();
    });

    it('is idempotent by episode id: the same input again changes nothing, a changed one replaces it', async () => {
      const input = episodeInput({ publishedAt: null });
      const first = await repo.upsert(input);
      const again = await repo.upsert({ ...input, learningTags: [...input.learningTags] });
      expect(again).toEqual({ episode: first.episode, created: false, changed: false });
      const changed = await repo.upsert({ ...input, title: 'Renamed', publishedAt: at(1) });
      expect(changed.created).toBe(false);
      expect(changed.changed).toBe(true);
      expect(await repo.find(input.episodeId)).toEqual({ ...input, title: 'Renamed', publishedAt: at(1), updatedAt: expect.any(String) });
    });

    it('lists only published episodes, newest first, ties broken by id descending', async () => {
      const s = show();
      const ids = ['ep-b', 'ep-a', 'ep-c'].map((p) => `${p}-${s}`);
      await repo.upsert(episodeInput({ episodeId: ids[0], showId: s, publishedAt: at(5) }));
      await repo.upsert(episodeInput({ episodeId: ids[1], showId: s, publishedAt: at(5) }));
      await repo.upsert(episodeInput({ episodeId: ids[2], showId: s, publishedAt: at(1) }));
      await repo.upsert(episodeInput({ episodeId: `ep-draft-${s}`, showId: s, publishedAt: null }));
      const listed = (await repo.listPublished({ limit: 4 })).map((e) => e.episodeId);
      expect(listed.slice(0, 3)).toEqual([ids[0], ids[1], ids[2]]);
      expect(listed).not.toContain(`ep-draft-${s}`);
    });

    it('pages by keyset: each page starts after the cursor, with no gap or repeat, to an empty last page', async () => {
      const s = show();
      for (let i = 0; i < 5; i++) await repo.upsert(episodeInput({ episodeId: `ep-${i}-${s}`, showId: s, publishedAt: at(i % 3) }));
      const seen: string[] = [];
      let after: { publishedAt: string; episodeId: string } | undefined;
      for (let page = 0; page < 10 && seen.length < 5; page++) {
        const rows = await repo.listPublished({ limit: 2, after });
        const mine = rows.filter((e) => e.showId === s);
        seen.push(...mine.map((e) => e.episodeId));
        const last = rows[rows.length - 1];
        after = { publishedAt: last.publishedAt as string, episodeId: last.episodeId };
      }
      expect(seen).toEqual([`ep-2-${s}`, `ep-4-${s}`, `ep-1-${s}`, `ep-3-${s}`, `ep-0-${s}`]);
      const beyond = await repo.listPublished({ limit: 10, after: { publishedAt: at(0, 1000), episodeId: '' } });
      expect(beyond).toEqual([]);
    });

    it('filters by one band or by a ceiling band', async () => {
      const s = show();
      await repo.upsert(episodeInput({ episodeId: `ep-young-${s}`, showId: s, ageBand: '3-5', publishedAt: at(3) }));
      await repo.upsert(episodeInput({ episodeId: `ep-mid-${s}`, showId: s, ageBand: '6-11', publishedAt: at(2) }));
      await repo.upsert(episodeInput({ episodeId: `ep-teen-${s}`, showId: s, ageBand: '12-16', publishedAt: at(1) }));
      const mine = async (q: Parameters<EpisodesRepository['listPublished']>[0]) =>
        (await repo.listPublished(q)).filter((e) => e.showId === s).map((e) => e.episodeId);
      expect(await mine({ limit: 3, ageBand: '6-11' })).toEqual([`ep-mid-${s}`]);
      expect(await mine({ limit: 3, maxAgeBand: '6-11' })).toEqual([`ep-young-${s}`, `ep-mid-${s}`]);
      expect(await mine({ limit: 3, maxAgeBand: '12-16' })).toEqual([`ep-young-${s}`, `ep-mid-${s}`, `ep-teen-${s}`]);
    });

    it('hands out copies: mutating a result does not change the store', async () => {
      const input = episodeInput();
      const { episode } = await repo.upsert(input);
      episode.learningTags.push('mutated');
      episode.renditions[0].profile = 'mutated';
      expect(await repo.find(input.episodeId)).toEqual({ ...input, updatedAt: expect.any(String) });
    });
  });
}
