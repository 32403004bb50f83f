import { randomUUID } from 'node:crypto';
import { createPgPool } from '@mikasmissions/persistence';
import { ADAPTERS, testDatabaseUrl, type TestStores } from '@mikasmissions/testing';
import { type ModerationTestApp, startModerationApp, transcoded, who } from '../testing/moderation-test-app';

jest.setTimeout(30_000);

const cases: Array<[(typeof ADAPTERS)[number], TestStores]> = [
  [ADAPTERS[0], 'memory'],
  [ADAPTERS[1], 'postgres+redis'],
];

describe.each(cases)('moderation on %s with %s stores', (adapter, stores) => {
  let t: ModerationTestApp;
  const asset = () => `a-${randomUUID()}`;
  const types = (events: Array<{ type: string }>) => events.map((e) => e.type);

  beforeAll(async () => {
    t = await startModerationApp(adapter, stores);
  }, 60_000);
  afterAll(() => t.close());

  it('answers /health and /ready', async () => {
    expect((await fetch(`${(await t.app.getUrl()).replace('[::1]', '127.0.0.1')}/v1/health`)).status).toBe(200);
  });

  it('approves a clean asset of a trusted creator: media.reviewed then media.approved with what publish needs; audited as policy', async () => {
    const id = asset();
    await t.transcoded(transcoded(id, { runId: 'run-1', language: 'en' }));
    const events = await t.eventsOf(id, 2);
    expect(types(events)).toEqual(['media.reviewed', 'media.approved']);
    expect(events[0].payload).toEqual({
      assetId: id,
      episodeId: id,
      creatorId: 'creator-trusted',
      decision: 'approved',
      rules: [],
      reviewer: 'policy',
      runId: 'run-1',
    });
    expect(events[1].payload).toEqual({
      assetId: id,
      episodeId: id,
      creatorId: 'creator-trusted',
      durationMs: 3000,
      renditions: [{ profile: '360p', storageKey: `episodes/${id}/360p/index.m3u8`, width: 640, height: 360 }],
      thumbnailKey: `episodes/${id}/thumb.jpg`,
      title: 'Counting stars',
      summary: 'Mika counts to ten.',
      showId: 'show-stars',
      ageBand: '6-11',
      learningTags: ['counting'],
      runId: 'run-1',
      language: 'en',
    });
    expect(events.every((e) => e.tenantId === 'default')).toBe(true);
    expect(await t.auditOf(id, 1)).toEqual([
      expect.objectContaining({
        actor: 'policy',
        actor_role: 'service',
        action: 'moderation.auto_approved',
        target_type: 'asset',
        target_id: id,
        before: null,
        after: expect.objectContaining({ status: 'approved', decided_by: 'policy' }),
      }),
    ]);
  });

  it('rejects a hard blocked term and a missing age band with media.rejected stage policy and the reason', async () => {
    const term = asset();
    await t.transcoded(transcoded(term, { title: 'How to kill time' }));
    const termEvents = await t.eventsOf(term, 2);
    expect(types(termEvents)).toEqual(['media.reviewed', 'media.rejected']);
    expect(termEvents[0].payload).toMatchObject({
      decision: 'rejected',
      reason: 'blocked_term',
      rules: [{ rule: 'blocked_term', severity: 'hard', detail: 'en: kill' }],
    });
    expect(termEvents[1].payload).toEqual({
      assetId: term,
      episodeId: term,
      stage: 'policy',
      reason: 'blocked_term',
      message: 'moderation rejected the asset: en: kill',
    });

    const band = asset();
    await t.transcoded(transcoded(band, { ageBand: undefined }));
    expect((await t.eventsOf(band, 2))[1].payload).toMatchObject({ stage: 'policy', reason: 'age_band_missing' });
  });

  it('queues an unknown creator; an admin approves it once (media.approved in the same transaction), a second decision is 409', async () => {
    const id = asset();
    await t.transcoded(transcoded(id, { creatorId: 'creator-new', summary: 'A scary fight' }));
    expect((await t.eventsOf(id, 1)).map((e) => e.payload)).toEqual([
      expect.objectContaining({
        decision: 'queued',
        reason: 'flagged_term',
        reviewer: 'policy',
        rules: expect.arrayContaining([expect.objectContaining({ rule: 'creator_trust', severity: 'soft' })]),
      }),
    ]);
    const item = await t.queueItem(id);
    expect(item).toMatchObject({
      status: 'queued',
      creator_trust: 'unknown',
      decided_by: null,
      decided_at: null,
      age_band: '6-11',
      duration_ms: 3000,
    });

    const approved = await t.call('POST', `/v1/admin/moderation/queue/${id}/approve`, who.admin('admin-7'), { note: 'fine for kids' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      asset_id: id,
      status: 'approved',
      decided_by: 'admin-7',
      decision_note: 'fine for kids',
      decided_at: expect.any(String),
    });
    expect(approved.body.event).toBeUndefined();
    const events = await t.eventsOf(id, 3);
    expect(types(events)).toEqual(['media.reviewed', 'media.reviewed', 'media.approved']);
    expect(events[1].payload).toMatchObject({ decision: 'approved', reviewer: 'admin-7' });
    expect(events[2].payload).toMatchObject({ assetId: id, creatorId: 'creator-new', ageBand: '6-11' });

    for (const action of ['approve', 'reject']) {
      const again = await t.call(
        'POST',
        `/v1/admin/moderation/queue/${id}/${action}`,
        who.admin(),
        action === 'reject' ? { reason: 'late' } : {},
      );
      expect(again).toMatchObject({
        status: 409,
        body: { error: { code: 'moderation_already_decided', details: { status: 'approved' } } },
      });
    }
    expect(
      (await t.call('GET', '/v1/admin/moderation/queue?limit=200', who.admin())).body.items.map((i: { asset_id: string }) => i.asset_id),
    ).not.toContain(id);
    const audit = await t.call('GET', `/v1/admin/moderation/audit?asset_id=${id}`, who.admin());
    expect(audit.body.entries.map((e: { action: string; actor: string }) => `${e.action} by ${e.actor}`)).toEqual([
      'moderation.approved by admin-7',
      'moderation.queued by policy',
    ]);
    expect(audit.body.entries[0]).toMatchObject({
      actor_role: 'admin',
      before: { status: 'queued' },
      after: { status: 'approved', decided_by: 'admin-7' },
    });
    expect(await t.eventsOf(id, 4, 500)).toHaveLength(3);

    if (stores === 'postgres+redis') {
      const pool = createPgPool(testDatabaseUrl(), 1);
      try {
        // CURRENT_TIMESTAMP is the transaction's start: the decision and both its events share it.
        const { rows } = await pool.query<{ type: string; at: string }>(
          `SELECT type, created_at::text AS at FROM moderation.outbox WHERE aggregate_id = $1 AND type <> 'media.transcoded' ORDER BY seq`,
          [id],
        );
        expect(rows.map((r) => r.type)).toEqual(['media.reviewed', 'media.reviewed', 'media.approved']);
        const [review] = (
          await pool.query<{ at: string }>(`SELECT decided_at::text AS at FROM moderation.reviews WHERE asset_id = $1`, [id])
        ).rows;
        expect([rows[1].at, rows[2].at]).toEqual([review.at, review.at]);
        expect(rows[0].at).not.toBe(review.at);
      } finally {
        await pool.end();
      }
    }
  });

  it('an admin rejects a queued asset with a reason: media.rejected stage policy with that reason and message', async () => {
    const id = asset();
    await t.transcoded(transcoded(id, { reviewRequired: true, runId: 'run-7' }));
    expect((await t.eventsOf(id, 1))[0].payload).toMatchObject({ decision: 'queued', reason: 'review_required' });
    const bad = await t.call('POST', `/v1/admin/moderation/queue/${id}/reject`, who.admin(), { reason: 'Not OK' });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'validation_failed' } } });
    const rejected = await t.call('POST', `/v1/admin/moderation/queue/${id}/reject`, who.admin('admin-9'), {
      reason: 'off_topic',
      message: 'Not a learning video.',
    });
    expect(rejected.body).toMatchObject({
      status: 'rejected',
      reason: 'off_topic',
      decided_by: 'admin-9',
      decision_note: 'Not a learning video.',
    });
    const events = await t.eventsOf(id, 3);
    expect(events[2]).toMatchObject({
      type: 'media.rejected',
      // the run's id travels on, so admin-studio fails the generation run (`media_rejected`)
      payload: { assetId: id, stage: 'policy', reason: 'off_topic', message: 'Not a learning video.', runId: 'run-7' },
    });
  });

  it('reviews an asset once: a second media.transcoded for it changes nothing', async () => {
    const id = asset();
    await t.transcoded(transcoded(id, { creatorId: 'creator-new' }));
    await t.eventsOf(id, 1);
    await t.transcoded(transcoded(id));
    expect(types(await t.eventsOf(id, 2, 1_000))).toEqual(['media.reviewed']);
    const audit = await t.call('GET', `/v1/admin/moderation/audit?asset_id=${id}`, who.admin());
    expect(audit.body.entries).toHaveLength(1);
  });

  it('answers 404, 400 and the auth errors with the one error body', async () => {
    expect((await t.call('POST', `/v1/admin/moderation/queue/${asset()}/approve`, who.admin(), {})).body.error.code).toBe(
      'moderation_item_not_found',
    );
    const unknown = `/v1/admin/moderation/queue/${asset()}/approve`;
    expect((await t.call('POST', unknown, who.admin())).body.error.code).toBe('moderation_item_not_found');
    expect((await t.call('POST', unknown, who.admin(), '{"note":')).body.error.code).toBe('malformed_json');
    expect((await t.call('POST', '/v1/admin/moderation/queue/bad%20id/approve', who.admin(), {})).body.error.code).toBe(
      'validation_failed',
    );
    expect((await t.call('POST', `/v1/admin/moderation/queue/${asset()}/approve`, who.admin(), { extra: 1 })).status).toBe(400);
    expect((await t.call('POST', `/v1/admin/moderation/queue/${asset()}/reject`, who.admin(), {})).status).toBe(400);
    expect((await t.call('GET', '/v1/admin/moderation/queue?limit=0', who.admin())).body.error.code).toBe('validation_failed');
    expect((await t.call('GET', '/v1/admin/moderation/queue', who.parent())).body.error.code).toBe('insufficient_role');
    expect((await t.call('GET', '/v1/admin/moderation/audit', null)).body.error.code).toBe('missing_identity');
  });
});
