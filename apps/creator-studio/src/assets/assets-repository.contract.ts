import type { NewAsset } from './asset';
import type { AssetsRepository } from './assets.repository';

/**
 * The behaviour every AssetsRepository adapter must have. Each adapter's spec calls this
 * with a factory, so the memory and Postgres stores cannot drift apart.
 */
export function assetsRepositoryContract(name: string, make: () => Promise<AssetsRepository> | AssetsRepository): void {
  describe(`AssetsRepository contract: ${name}`, () => {
    let repo: AssetsRepository;
    const tenant = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;
    const upload = (tenantId: string, extra: Partial<NewAsset> = {}): NewAsset => ({
      tenantId,
      sourceUrl: 'https://media.example/clip.mp4',
      uploaderId: 'creator-1',
      learningTags: [],
      ...extra,
    });

    beforeEach(async () => {
      repo = await make();
    });

    it('stores an asset under the id it is given (a direct upload names it before placing its file)', async () => {
      const t = tenant('named');
      const id = '01936f3e-8a4b-7c2d-9e1f-0a1b2c3d4e5f';
      const stored = await repo.create(upload(t, { id, sourceUrl: `media-store:sources/${id}/source` }));
      expect(stored).toMatchObject({ id, status: 'queued', sourceUrl: `media-store:sources/${id}/source` });
      expect(await repo.find(t, id)).toEqual(stored);
    });

    it('stores an upload as queued, with every field, an id and times, and finds it by id', async () => {
      const t = tenant('a');
      const before = Date.now();
      const full = upload(t, { title: 'Stars', summary: 'Counting', showId: 'show-1', ageBand: '6-11', learningTags: ['math', 'space'] });
      const stored = await repo.create(full);
      expect(stored).toEqual({
        ...full,
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        status: 'queued',
        lastError: null,
        createdAt: expect.any(String),
        updatedAt: stored.createdAt,
      });
      expect(Date.parse(stored.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(await repo.find(t, stored.id)).toEqual(stored);
      const bare = await repo.create(upload(t));
      expect(Object.keys(bare)).not.toEqual(expect.arrayContaining(['title']));
      expect(await repo.find(t, bare.id)).toEqual(bare);
    });

    it('finds nothing for an unknown id, a malformed id or another tenant', async () => {
      const t = tenant('b');
      const stored = await repo.create(upload(t));
      expect(await repo.find(t, '00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await repo.find(t, 'not-a-uuid')).toBeNull();
      expect(await repo.find(tenant('other'), stored.id)).toBeNull();
      expect(await repo.report(tenant('other'), stored.id, { status: 'failed' })).toBeNull();
      expect(await repo.report(t, 'not-a-uuid', { status: 'failed' })).toBeNull();
      expect((await repo.find(t, stored.id))?.status).toBe('queued');
    });

    it('records stage reports: the status moves, an error is kept as the last error', async () => {
      const t = tenant('c');
      const stored = await repo.create(upload(t));
      const ingested = await repo.report(t, stored.id, { status: 'ingested' });
      expect(ingested).toMatchObject({ status: 'ingested', lastError: null });
      expect(Date.parse(ingested!.updatedAt)).toBeGreaterThanOrEqual(Date.parse(stored.updatedAt));
      const retried = await repo.report(t, stored.id, {
        status: 'ingested',
        error: { code: 'source_timeout', message: 'first try timed out' },
      });
      expect(retried?.lastError).toEqual({ code: 'source_timeout', message: 'first try timed out', at: expect.any(String) });
      const moved = await repo.report(t, stored.id, { status: 'transcoding' });
      expect(moved).toMatchObject({ status: 'transcoding', lastError: { code: 'source_timeout' } });
      expect(await repo.find(t, stored.id)).toEqual(moved);
    });

    it('leaves a final asset as it is: a late report changes nothing', async () => {
      const t = tenant('d');
      const stored = await repo.create(upload(t));
      const rejected = await repo.report(t, stored.id, { status: 'rejected', error: { code: 'no_video_stream', message: 'audio only' } });
      expect(rejected).toMatchObject({ status: 'rejected', lastError: { code: 'no_video_stream', message: 'audio only' } });
      expect(await repo.report(t, stored.id, { status: 'transcoding' })).toEqual(rejected);
      expect(await repo.find(t, stored.id)).toEqual(rejected);
    });

    it('records transcode progress (never lower) until transcoded; a stage never moves back', async () => {
      const t = tenant('f');
      const stored = await repo.create(upload(t));
      await repo.report(t, stored.id, { status: 'ingested' });
      expect(await repo.progress(t, stored.id, 40)).toMatchObject({ status: 'transcoding', progressPercent: 40 });
      expect(await repo.progress(t, stored.id, 25)).toMatchObject({ status: 'transcoding', progressPercent: 40 });
      expect(await repo.report(t, stored.id, { status: 'ingested' })).toMatchObject({ status: 'transcoding' });
      expect(await repo.report(t, stored.id, { status: 'transcoded' })).toMatchObject({ status: 'transcoded' });
      expect(await repo.progress(t, stored.id, 90)).toMatchObject({ status: 'transcoded' });
      expect(await repo.report(t, stored.id, { status: 'ingested' })).toMatchObject({ status: 'transcoded' });
      expect(await repo.progress(tenant('other'), stored.id, 10)).toBeNull();
      expect(await repo.progress(t, 'not-a-uuid', 10)).toBeNull();
    });

    it('hands out copies: mutating a result does not change the store', async () => {
      const t = tenant('e');
      const stored = await repo.create(upload(t, { title: 'original', learningTags: ['a'] }));
      stored.title = 'changed';
      stored.learningTags.push('b');
      expect(await repo.find(t, stored.id)).toMatchObject({ title: 'original', learningTags: ['a'] });
    });
  });
}
