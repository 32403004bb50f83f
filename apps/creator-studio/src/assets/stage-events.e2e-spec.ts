import {
  EpisodePublished,
  MediaApproved,
  MediaRejected,
  MediaReviewed,
  MediaTranscoded,
  MediaTranscodeRequested,
} from '@mikasmissions/contracts-events';
import { EventPublisher } from '@mikasmissions/messaging';
import { ADAPTERS, type TestStores } from '@mikasmissions/testing';
import { type Answer, type CreatorTestApp, startCreatorApp, who } from '../testing/creator-test-app';

describe.each<TestStores>(['memory', 'postgres+redis'])('creator assets follow the stage events with %s stores', (stores) => {
  let t: CreatorTestApp;
  const upload = async (): Promise<string> => {
    const res = await t.call('POST', '/v1/creator/assets/upload', who.creator(), {
      source_url: 'https://media.example/a.mp4',
      uploader_id: 'creator-1',
    });
    expect(res.status).toBe(202);
    return res.body.asset_id as string;
  };
  const until = async (assetId: string, status: string): Promise<Answer> => {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const res = await t.call('GET', `/v1/creator/assets/${assetId}`, who.service());
      if (res.body.status === status || Date.now() > deadline) return res;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const ingested = (assetId: string) => ({
    assetId,
    episodeId: assetId,
    creatorId: 'creator-1',
    sourcePath: `sources/${assetId}/source`,
    sizeBytes: 1000,
    durationMs: 2000,
    width: 160,
    height: 90,
    container: 'mp4',
  });

  beforeAll(async () => {
    t = await startCreatorApp(ADAPTERS[0], stores);
  });
  afterAll(() => t.close());

  it('shows transcoding with progress_percent from the internal progress route (service only), then transcoded', async () => {
    const a = await upload();
    const path = `/internal/creator/assets/${a}/progress`;
    expect((await t.call('PUT', path, who.service(), { percent: 42 })).body).toEqual({
      asset_id: a,
      status: 'transcoding',
      progress_percent: 42,
    });
    expect((await t.call('PUT', path, who.service(), { percent: 30 })).body).toMatchObject({ progress_percent: 42 });
    const shown = await t.call('GET', `/v1/creator/assets/${a}`, who.creator());
    expect(shown.body).toMatchObject({ status: 'transcoding', progress_percent: 42 });
    expect((await t.call('PUT', path, who.creator(), { percent: 50 })).status).toBe(403);
    expect((await t.call('PUT', path, who.service(), { percent: 101 })).body.error?.code).toBe('validation_failed');
    expect(
      (await t.call('PUT', '/internal/creator/assets/00000000-0000-4000-8000-000000000000/progress', who.service(), { percent: 5 })).status,
    ).toBe(404);
    const publisher = t.app.get(EventPublisher);
    await publisher.publish(MediaTranscodeRequested, ingested(a), { tenantId: 'default', aggregateId: a });
    await publisher.publish(
      MediaTranscoded,
      {
        assetId: a,
        episodeId: a,
        creatorId: 'creator-1',
        durationMs: 2000,
        renditions: [{ profile: '90p', storageKey: `episodes/${a}/90p/index.m3u8`, width: 160, height: 90 }],
        thumbnailKey: `episodes/${a}/thumb.jpg`,
      },
      { tenantId: 'default', aggregateId: a },
    );
    const done = await until(a, 'transcoded');
    expect(done.body.status).toBe('transcoded');
    expect(done.body).not.toHaveProperty('progress_percent');
    expect((await t.call('PUT', path, who.service(), { percent: 99 })).body).toMatchObject({
      status: 'transcoded',
      progress_percent: null,
    });
  });

  it('shows ingested after media.transcode.requested, and rejected with the last error after media.rejected', async () => {
    const publisher = t.app.get(EventPublisher);
    const a = await upload();
    await publisher.publish(MediaTranscodeRequested, ingested(a), { tenantId: 'default', aggregateId: a });
    expect((await until(a, 'ingested')).body).toMatchObject({ asset_id: a, status: 'ingested', last_error: null });

    const b = await upload();
    await publisher.publish(
      MediaRejected,
      { assetId: b, episodeId: b, stage: 'ingest', reason: 'no_video_stream', message: 'the source has no video stream' },
      { tenantId: 'default', aggregateId: b },
    );
    const rejected = await until(b, 'rejected');
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      last_error: { code: 'no_video_stream', message: 'the source has no video stream', at: expect.any(String) },
    });
    // A late event does not revive a rejected asset.
    await publisher.publish(MediaTranscodeRequested, ingested(b), { tenantId: 'default', aggregateId: b });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await t.call('GET', `/v1/creator/assets/${b}`, who.service())).body).toEqual(rejected.body);
  });

  it("ignores another tenant's event for the asset", async () => {
    const publisher = t.app.get(EventPublisher);
    const a = await upload();
    await publisher.publish(MediaTranscodeRequested, ingested(a), { tenantId: 'other-tenant', aggregateId: a });
    const c = await upload();
    await publisher.publish(MediaTranscodeRequested, ingested(c), { tenantId: 'default', aggregateId: c });
    await until(c, 'ingested');
    expect((await t.call('GET', `/v1/creator/assets/${a}`, who.service())).body.status).toBe('queued');
  });
  it('shows transcoded after media.transcoded and published after episode.published, and a published asset stays published', async () => {
    const publisher = t.app.get(EventPublisher);
    const a = await upload();
    const renditions = [{ profile: '360p', storageKey: `episodes/${a}/360p/index.m3u8` }];
    await publisher.publish(
      MediaTranscoded,
      { assetId: a, episodeId: a, creatorId: 'creator-1', durationMs: 2000, renditions },
      { tenantId: 'default', aggregateId: a },
    );
    expect((await until(a, 'transcoded')).body).toMatchObject({ asset_id: a, status: 'transcoded', last_error: null });
    await publisher.publish(
      EpisodePublished,
      { episodeId: a, missionId: a, ageRating: '3+', ageBand: '3-5', durationMs: 2000, renditions },
      { tenantId: 'default', aggregateId: a },
    );
    const published = await until(a, 'published');
    expect(published.body).toMatchObject({ asset_id: a, status: 'published', last_error: null });
    await publisher.publish(
      MediaRejected,
      { assetId: a, episodeId: a, stage: 'publish', reason: 'missing_age_band', message: 'late' },
      { tenantId: 'default', aggregateId: a },
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await t.call('GET', `/v1/creator/assets/${a}`, who.service())).body).toEqual(published.body);
  });

  it('follows moderation: in_review after a queued media.reviewed, approved after media.approved, rejected (policy) with the reason', async () => {
    const publisher = t.app.get(EventPublisher);
    const a = await upload();
    const reviewed = (asset: string, decision: 'queued' | 'approved', reason?: string) => ({
      assetId: asset,
      episodeId: asset,
      creatorId: 'creator-1',
      decision,
      rules: reason ? [{ rule: reason, severity: 'soft' as const }] : [],
      ...(reason ? { reason } : {}),
      reviewer: 'policy',
    });
    await publisher.publish(MediaReviewed, reviewed(a, 'queued', 'creator_trust'), { tenantId: 'default', aggregateId: a });
    expect((await until(a, 'in_review')).body).toMatchObject({ status: 'in_review', last_error: null });
    await publisher.publish(MediaReviewed, reviewed(a, 'approved'), { tenantId: 'default', aggregateId: a });
    const renditions = [{ profile: '360p', storageKey: `episodes/${a}/360p/index.m3u8` }];
    await publisher.publish(
      MediaApproved,
      { assetId: a, episodeId: a, creatorId: 'creator-1', durationMs: 2000, renditions, ageBand: '6-11' },
      { tenantId: 'default', aggregateId: a },
    );
    expect((await until(a, 'approved')).body).toMatchObject({ status: 'approved', last_error: null });

    const b = await upload();
    await publisher.publish(MediaReviewed, reviewed(b, 'queued', 'flagged_term'), { tenantId: 'default', aggregateId: b });
    expect((await until(b, 'in_review')).body.status).toBe('in_review');
    await publisher.publish(
      MediaRejected,
      { assetId: b, episodeId: b, stage: 'policy', reason: 'off_topic', message: 'Not a learning video.' },
      { tenantId: 'default', aggregateId: b },
    );
    expect((await until(b, 'rejected')).body).toMatchObject({
      status: 'rejected',
      last_error: { code: 'off_topic', message: 'Not a learning video.' },
    });
  });
});
