import { ADAPTERS, type TestStores } from '@mikasmissions/testing';
import { episodeInput } from './episodes/episodes-repository.contract';
import { call, type TestCaller } from './testing/catalog-test.helpers';
import { bootCatalog, TEST_MEDIA_BASE, type BootedCatalog } from './testing/boot-catalog';

const parent: TestCaller = { role: 'parent', parentUserId: 'parent-e2e' };
const service: TestCaller = { role: 'service' };

describe.each(ADAPTERS)('catalog on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres', 'postgres+redis'])('with %s stores', (stores) => {
    let c: BootedCatalog;
    const read = (id: string, who: TestCaller | null = parent, headers: Record<string, string> = {}) =>
      call(who, 'GET', `${c.v1}/catalog/episodes/${id}`, undefined, headers);
    const checked = async (id: string, res: Response) => {
      const text = await res.text();
      const body = text ? JSON.parse(text) : undefined;
      c.contract.assert({ method: 'GET', path: `/v1/catalog/episodes/${id}`, status: res.status, body });
      return body;
    };

    beforeAll(async () => {
      c = await bootCatalog(adapter, stores);
    });
    afterAll(() => c.close());

    it('answers /health and /ready', async () => {
      expect((await fetch(`${c.v1}/health`)).status).toBe(200);
      const ready = await (await fetch(`${c.v1}/ready`)).json();
      expect(ready.status).toBe('ok');
      if (stores === 'postgres') expect(ready.details.postgres.status).toBe('up');
    });

    it('GET /v1/catalog/episodes/ep-demo-1 gives the demo episode with every contract field, to a parent and a service', async () => {
      for (const who of [parent, service]) {
        const res = await read('ep-demo-1', who);
        expect(res.status).toBe(200);
        expect(await checked('ep-demo-1', res)).toEqual({
          episode_id: 'ep-demo-1',
          show_id: 'show-mikas-1',
          title: 'The Lost Lighthouse Key',
          summary: expect.stringContaining("Mika's Missions"),
          age_band: '6-11',
          duration_ms: 6000,
          learning_tags: ['problem-solving', 'teamwork'],
          playback_ready: true,
          thumbnail_url: `${TEST_MEDIA_BASE}/episodes/ep-demo-1/thumb.jpg`,
          published_at_iso: '2026-11-01T09:00:00.000Z',
          renditions: [
            { profile: '360p', url: `${TEST_MEDIA_BASE}/episodes/ep-demo-1/index.m3u8`, storage_key: 'episodes/ep-demo-1/index.m3u8' },
          ],
        });
      }
    });

    it('has ~30 demo episodes in 6 shows across all three bands', async () => {
      const bands = new Map<string, Set<string>>();
      for (let n = 1; n <= 30; n++) {
        const body = await (await read(`ep-demo-${n}`)).json();
        bands.set(body.age_band, (bands.get(body.age_band) ?? new Set()).add(body.show_id));
      }
      expect([...bands.keys()].sort()).toEqual(['12-16', '3-5', '6-11']);
      expect([...bands.values()].reduce((n, shows) => n + shows.size, 0)).toBe(6);
    });

    it('answers 404 episode_not_found for an unknown id and for an unpublished episode, to every role', async () => {
      const draft = episodeInput({ publishedAt: null });
      await c.repository.upsert(draft);
      for (const id of ['ep-nope-404', draft.episodeId]) {
        for (const who of [parent, service, { role: 'child', childProfileId: 'kid-404' } as TestCaller]) {
          const res = await read(id, who, { 'x-request-id': 'missing-1' });
          expect(res.status).toBe(404);
          expect(await checked(id, res)).toEqual({
            error: { code: 'episode_not_found', message: expect.any(String), requestId: 'missing-1' },
          });
        }
      }
    });

    it('answers 400 validation_failed for an id outside the contract, 401 without identity, 403 for admin', async () => {
      const bad = await read('-not-an-id');
      expect(bad.status).toBe(400);
      expect((await checked('-not-an-id', bad)).error.code).toBe('validation_failed');
      const anonymous = await read('ep-demo-1', null);
      expect(anonymous.status).toBe(401);
      expect((await checked('ep-demo-1', anonymous)).error.code).toBe('missing_identity');
      const admin = await call({ role: 'admin' } as never, 'GET', `${c.v1}/catalog/episodes/ep-demo-1`);
      expect(admin.status).toBe(403);
      expect((await checked('ep-demo-1', admin)).error.code).toBe('insufficient_role');
    });

    it('sends an ETag; If-None-Match with it gives 304 without a body, a stale tag gives 200', async () => {
      const first = await read('ep-demo-2');
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
      await first.text();
      for (const header of [etag as string, `W/${etag}`, `"other", ${etag}`]) {
        const again = await read('ep-demo-2', parent, { 'if-none-match': header });
        expect(again.status).toBe(304);
        expect(again.headers.get('etag')).toBe(etag);
        expect(await checked('ep-demo-2', again)).toBeUndefined();
      }
      const stale = await read('ep-demo-2', parent, { 'if-none-match': '"stale"' });
      expect(stale.status).toBe(200);
      expect((await checked('ep-demo-2', stale)).episode_id).toBe('ep-demo-2');
    });

    it('serves reads from the SWR cache and invalidates by tag when the episode changes (upsert), with a new ETag', async () => {
      const input = episodeInput();
      await call(service, 'POST', `${c.root}/internal/catalog/episodes`, {
        episode_id: input.episodeId,
        show_id: input.showId,
        title: 'Before',
        age_band: '6-11',
        duration_ms: 1000,
        published_at_iso: input.publishedAt,
      });
      const miss = await read(input.episodeId);
      expect(miss.headers.get('x-cache')).toBe('MISS');
      const before = miss.headers.get('etag');
      expect((await miss.json()).title).toBe('Before');
      const hit = await read(input.episodeId);
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(hit.headers.get('etag')).toBe(before);
      await hit.text();
      const upsert = await call(service, 'POST', `${c.root}/internal/catalog/episodes`, {
        episode_id: input.episodeId,
        show_id: input.showId,
        title: 'After',
        age_band: '6-11',
        duration_ms: 1000,
        published_at_iso: input.publishedAt,
      });
      expect(upsert.status).toBe(200);
      const after = await read(input.episodeId, parent, { 'if-none-match': before as string });
      expect(after.status).toBe(200);
      expect(after.headers.get('x-cache')).toBe('MISS');
      expect(after.headers.get('etag')).not.toBe(before);
      expect((await after.json()).title).toBe('After');
    });

    it('catalog SWR under load stays single-flight: 25 concurrent reads of an uncached episode make 1 repository call', async () => {
      const input = episodeInput();
      await c.repository.upsert(input);
      const find = jest.spyOn(c.repository, 'find');
      try {
        const answers = await Promise.all(Array.from({ length: 25 }, () => read(input.episodeId)));
        expect(answers.map((r) => r.status)).toEqual(Array(25).fill(200));
        const bodies = await Promise.all(answers.map((r) => r.json()));
        expect(new Set(bodies.map((b) => b.episode_id))).toEqual(new Set([input.episodeId]));
        expect(find).toHaveBeenCalledTimes(1);
      } finally {
        find.mockRestore();
      }
    });
  });
});
