import { lastValueFrom } from 'rxjs';
import { EpisodePublished, EventContracts, type EpisodePublishedPayload } from '@mikasmissions/contracts-events';
import { connectEventConsumers, createEnvelope, EventPublisher, RedisStreamsClient } from '@mikasmissions/messaging';
import { ADAPTERS, eventually, testKeyPrefix, testRedisUrl } from '@mikasmissions/testing';
import { call, type TestCaller } from '../testing/catalog-test.helpers';
import { bootCatalog, TEST_MEDIA_BASE, type BootedCatalog } from '../testing/boot-catalog';

const parent: TestCaller = { role: 'parent', parentUserId: 'parent-ev' };

// Delivery through Redis Streams can take seconds on a loaded machine: wait up to 15 s per step.
jest.setTimeout(45_000);

type Emit = (payload: EpisodePublishedPayload, envelopeId?: string) => Promise<void>;

describe.each(ADAPTERS)('episode.published projection on %s', (adapter) => {
  describe.each([
    ['memory stores, in-process bus', 'memory'],
    ['Postgres + Redis Streams on a namespaced stream', 'postgres+redis'],
  ] as const)('with %s', (_label, stores) => {
    let c: BootedCatalog;
    let emit: Emit;
    let client: RedisStreamsClient | undefined;

    beforeAll(async () => {
      c = await bootCatalog(adapter, stores, { MESSAGING_CLAIM_IDLE_MS: '300', MESSAGING_CLAIM_INTERVAL_MS: '100' });
      expect(await connectEventConsumers(c.app)).toBe(true);
      if (stores === 'memory') {
        const publisher = c.app.get(EventPublisher);
        emit = async (payload) => void (await publisher.publish(EpisodePublished, payload));
      } else {
        client = new RedisStreamsClient({
          redisUrl: testRedisUrl(),
          streamPrefix: `${testKeyPrefix()}events:`,
          contracts: new EventContracts(),
        });
        emit = async (payload, envelopeId) => {
          const envelope = createEnvelope({
            type: 'episode.published',
            version: 1,
            payload: payload as never,
            tenantId: 'default',
            requestId: 'ev-test',
          });
          await lastValueFrom(client!.emit('episode.published', envelopeId ? { ...envelope, id: envelopeId } : envelope));
        };
      }
    });
    afterAll(async () => {
      await client?.close();
      await c.close();
    });

    const read = async (id: string) => {
      const res = await call(parent, 'GET', `${c.v1}/catalog/episodes/${id}`);
      return { status: res.status, body: await res.json() };
    };

    it('projects a new episode from the event: it becomes readable with the event fields and defaults', async () => {
      const id = `ep-ev-${adapter}-${stores.length}-${Date.now().toString(36)}`;
      expect((await read(id)).status).toBe(404);
      await emit({
        episodeId: id,
        missionId: 'mission-moon',
        ageRating: '9+',
        title: 'To the Moon',
        renditions: [{ profile: '360p', storageKey: `episodes/${id}/index.m3u8` }],
        publishedAt: '2026-11-30T12:00:00.000Z',
      });
      const seen = await eventually(
        () => read(id),
        (r) => r.status === 200,
      );
      expect(seen.status).toBe(200);
      c.contract.assert({ method: 'GET', path: `/v1/catalog/episodes/${id}`, status: 200, body: seen.body });
      expect(seen.body).toEqual({
        episode_id: id,
        show_id: 'mission-moon',
        title: 'To the Moon',
        summary: '',
        age_band: '6-11',
        duration_ms: 0,
        learning_tags: [],
        playback_ready: true,
        thumbnail_url: `${TEST_MEDIA_BASE}/episodes/${id}/thumb.jpg`,
        published_at_iso: '2026-11-30T12:00:00.000Z',
        renditions: [{ profile: '360p', url: `${TEST_MEDIA_BASE}/episodes/${id}/index.m3u8`, storage_key: `episodes/${id}/index.m3u8` }],
      });
    });

    it('publishes an unpublished episode and updates a cached read (the projection invalidates it)', async () => {
      const id = `ep-ev2-${adapter}-${stores.length}-${Date.now().toString(36)}`;
      await call({ role: 'service' }, 'POST', `${c.root}/internal/catalog/episodes`, {
        episode_id: id,
        show_id: 'show-ev',
        title: 'Draft',
        age_band: '3-5',
        duration_ms: 9000,
      });
      expect((await read(id)).status).toBe(404);
      await emit({ episodeId: id, missionId: 'm-ev', ageRating: '12+', summary: 'Now live.' });
      const live = await eventually(
        () => read(id),
        (r) => r.status === 200,
      );
      expect(live.status).toBe(200);
      expect(live.body).toMatchObject({
        show_id: 'show-ev',
        title: 'Draft',
        age_band: '3-5',
        summary: 'Now live.',
        duration_ms: 9000,
        playback_ready: false,
      });
      expect((await read(id)).body.summary).toBe('Now live.');
      await emit({ episodeId: id, missionId: 'm-ev', ageRating: '12+', title: 'Renamed by the pipeline' });
      const renamed = await eventually(
        () => read(id),
        (r) => r.body.title === 'Renamed by the pipeline',
      );
      expect(renamed.status).toBe(200);
      expect(renamed.body).toMatchObject({ title: 'Renamed by the pipeline', published_at_iso: live.body.published_at_iso });
    });

    if (stores === 'postgres+redis') {
      it('a redelivered event (same envelope id) is projected once: the inbox dedupes it', async () => {
        const id = `ep-ev3-${adapter}-${Date.now().toString(36)}`;
        const upsert = jest.spyOn(c.repository, 'upsert');
        try {
          const envelopeId = createEnvelope({ type: 'episode.published', version: 1, payload: {}, tenantId: 'default', requestId: 'x' }).id;
          await emit({ episodeId: id, missionId: 'm', ageRating: '3+' }, envelopeId);
          await emit({ episodeId: id, missionId: 'm', ageRating: '3+', title: 'second delivery' }, envelopeId);
          expect(
            (
              await eventually(
                () => read(id),
                (r) => r.status === 200,
              )
            ).status,
          ).toBe(200);
          await new Promise((r) => setTimeout(r, 500));
          expect(upsert.mock.calls.filter(([input]) => input.episodeId === id)).toHaveLength(1);
          expect((await read(id)).body.title).toBe(id);
        } finally {
          upsert.mockRestore();
        }
      });
    }
  });
});
