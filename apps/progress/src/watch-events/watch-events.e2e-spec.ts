import { createPgPool } from '@mikasmissions/persistence';
import { ADAPTERS, testDatabaseUrl, type TestStores } from '@mikasmissions/testing';
import { type ProgressTestApp, startProgressApp, who } from '../testing/progress-test-app';

const ROUTE = '/v1/progress/watch-events';

describe.each(ADAPTERS)('POST /v1/progress/watch-events on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres+redis'])('with %s stores', (stores) => {
    let t: ProgressTestApp;
    const id = (label: string) => `${label}-${adapter}-${stores.replace('+', '-')}-${Date.now().toString(36)}`;
    let parent: string;
    let child: string;
    const event = (over: Record<string, unknown> = {}) => ({
      child_profile_id: child,
      episode_id: 'ep-moon',
      watch_ms: 120_000,
      event_time: '2026-12-01T10:00:00Z',
      ...over,
    });
    const minutesToday = async (c = child) => (await t.call('GET', `/v1/kids/progress/${c}`, who.service())).body.watched_minutes_today;

    beforeAll(async () => {
      t = await startProgressApp(adapter, stores);
      t.setNow('2026-12-01T10:05:00Z');
      t.episodes.set('ep-moon', 600_000, ['space', 'counting']);
    });
    beforeEach(() => {
      parent = id('p');
      child = id('c');
      t.grant(parent, child);
      t.controls.set(child, { parentUserId: parent, timezone: 'Europe/Berlin', sessionLimitMinutes: 45 });
      t.published.length = 0;
    });
    afterAll(() => t.close());

    it('answers 202 {accepted:true} and publishes progress.updated with the full payload', async () => {
      const res = await t.call('POST', ROUTE, who.parent(parent), event());
      expect(res).toMatchObject({ status: 202, body: { accepted: true } });
      expect(Object.keys(res.body)).toEqual(['accepted']);
      expect(t.published).toEqual([
        {
          childId: child,
          episodeId: 'ep-moon',
          positionSeconds: 120,
          completed: false,
          parentUserId: parent,
          watchedMs: 120_000,
          eventTime: '2026-12-01T10:00:00.000Z',
          learningTags: ['space', 'counting'],
          historyPaused: false,
        },
      ]);
      const further = await t.call(
        'POST',
        ROUTE,
        who.child(parent, child),
        event({ watch_ms: 560_000, event_time: '2026-12-01T10:04:00Z' }),
      );
      expect(further.status).toBe(202);
      expect(t.published[1]).toMatchObject({ positionSeconds: 560, completed: true, watchedMs: 440_000 });
      expect(await minutesToday()).toBe(9);
    });

    it('counts a resent event once without a key (natural key) and with an Idempotency-Key (replay)', async () => {
      for (let i = 0; i < 3; i += 1) expect((await t.call('POST', ROUTE, who.parent(parent), event())).status).toBe(202);
      expect(await minutesToday()).toBe(2);
      expect(t.published.map((p) => p.watchedMs)).toEqual([120_000, 0, 0]);
      const keyed = event({ watch_ms: 300_000, event_time: '2026-12-01T10:03:00Z' });
      const headers = { 'idempotency-key': `k-${child}` };
      const first = await t.call('POST', ROUTE, who.parent(parent), keyed, headers);
      const again = await t.call('POST', ROUTE, who.parent(parent), keyed, headers);
      expect([first.status, again.status]).toEqual([202, 202]);
      expect(again.body).toEqual({ accepted: true });
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(t.published).toHaveLength(4);
      expect(await minutesToday()).toBe(5);
    });

    it('counts concurrent resends once, and refuses a key reused with another body with 422 idempotency_key_reused', async () => {
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => t.call('POST', ROUTE, who.parent(parent), event())));
      expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202]);
      expect(await minutesToday()).toBe(2);
      expect(t.published.filter((p) => p.watchedMs !== 0)).toHaveLength(1);
      const headers = { 'idempotency-key': `reuse-${child}` };
      expect((await t.call('POST', ROUTE, who.parent(parent), event({ event_time: '2026-12-01T10:01:00Z' }), headers)).status).toBe(202);
      const reused = await t.call('POST', ROUTE, who.parent(parent), event({ event_time: '2026-12-01T10:02:00Z' }), headers);
      expect(reused).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
      const bad = await t.call('POST', ROUTE, who.parent(parent), event(), { 'idempotency-key': 'ü'.repeat(3) });
      expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid_idempotency_key' } } });
    });

    it('answers 400 missing_fields, invalid_watch_ms, invalid_event_time and validation_failed, storing nothing', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ child_profile_id: child, episode_id: 'ep-moon', watch_ms: 1 }, 'missing_fields'],
        [{ episode_id: 'ep-moon' }, 'missing_fields'],
        [event({ watch_ms: -1 }), 'invalid_watch_ms'],
        [event({ watch_ms: 1.5 }), 'invalid_watch_ms'],
        [event({ watch_ms: '100' }), 'invalid_watch_ms'],
        [event({ watch_ms: 610_001 }), 'invalid_watch_ms'],
        [event({ event_time: 'yesterday' }), 'invalid_event_time'],
        [event({ event_time: '2026-12-01 10:00:00' }), 'invalid_event_time'],
        [event({ event_time: '2026-12-01T10:08:00Z' }), 'invalid_event_time'],
        [event({ extra: 1 }), 'validation_failed'],
        [event({ episode_id: 'bad id!' }), 'validation_failed'],
      ];
      for (const [body, code] of cases) {
        const res = await t.call('POST', ROUTE, who.parent(parent), body);
        expect({ body, status: res.status, code: res.body.error?.code }).toEqual({ body, status: 400, code });
      }
      const missing = await t.call('POST', ROUTE, who.parent(parent), { episode_id: 'ep-moon' });
      expect(missing.body.error?.details).toEqual({ fields: ['child_profile_id', 'watch_ms', 'event_time'] });
      expect((await t.call('POST', ROUTE, who.parent(parent), '{"child_profile_id":')).body.error?.code).toBe('malformed_json');
      expect((await t.call('POST', ROUTE, who.parent(parent), event({ watch_ms: 610_000 }))).status).toBe(202);
      expect(t.published).toHaveLength(1);
    });

    it('answers 404 episode_not_found for an episode the catalog does not know', async () => {
      const res = await t.call('POST', ROUTE, who.parent(parent), event({ episode_id: 'ep-nowhere' }));
      expect(res).toMatchObject({ status: 404, body: { error: { code: 'episode_not_found' } } });
      expect(t.published).toEqual([]);
    });

    it("refuses another parent's child and a child acting for another child with 403 child_profile_forbidden", async () => {
      const stranger = await t.call('POST', ROUTE, who.parent(id('stranger')), event());
      expect(stranger).toMatchObject({ status: 403, body: { error: { code: 'child_profile_forbidden' } } });
      const sibling = await t.call('POST', ROUTE, who.child(parent, id('sibling')), event());
      expect(sibling).toMatchObject({ status: 403, body: { error: { code: 'child_profile_forbidden' } } });
      expect((await t.call('POST', ROUTE, who.service(), event())).status).toBe(202);
      expect(t.published).toHaveLength(1);
    });

    it('answers 401 missing_identity without an identity and 403 insufficient_role for an admin', async () => {
      expect(await t.call('POST', ROUTE, null, event())).toMatchObject({ status: 401, body: { error: { code: 'missing_identity' } } });
      expect(await t.call('POST', ROUTE, who.admin(), event())).toMatchObject({
        status: 403,
        body: { error: { code: 'insufficient_role' } },
      });
    });

    // The memory store has no transactions (dev:local only), so this runs on Postgres.
    (stores === 'memory' ? it.skip : it)(
      'writes the progress and its outbox row in one transaction: a publish that fails leaves no trace',
      async () => {
        t.episodes.set('ep-bad-tags', 600_000, ['x'.repeat(65)]);
        const failed = await t.call('POST', ROUTE, who.parent(parent), event({ episode_id: 'ep-bad-tags' }), {}, true);
        expect(failed.status).toBe(500);
        expect((await t.call('GET', `/v1/kids/progress/${child}`, who.service())).body).toMatchObject({
          watched_minutes_today: 0,
          last_episode_id: null,
        });
        expect((await t.call('POST', ROUTE, who.parent(parent), event())).status).toBe(202);
        const pool = createPgPool(testDatabaseUrl(), 1);
        try {
          const outbox = await pool.query(
            `SELECT payload->'payload' AS p FROM progress.outbox WHERE payload->>'type' = 'progress.updated' AND payload->'payload'->>'childId' = $1`,
            [child],
          );
          expect(outbox.rows.map((r) => r.p.episodeId)).toEqual(['ep-moon']);
        } finally {
          await pool.end();
        }
      },
    );

    it('keeps the resume point but marks the events when the history is paused', async () => {
      t.controls.set(child, { parentUserId: parent, timezone: 'Europe/Berlin', historyPaused: true });
      await t.call('POST', ROUTE, who.child(parent, child), event({ watch_ms: 60_000 }));
      t.controls.set(child, { parentUserId: parent, timezone: 'Europe/Berlin', historyPaused: false });
      await t.call('POST', ROUTE, who.child(parent, child), event({ watch_ms: 90_000, event_time: '2026-12-01T10:01:00Z' }));
      expect(t.published.map((p) => [p.historyPaused, p.positionSeconds, p.watchedMs])).toEqual([
        [true, 60, 60_000],
        [false, 90, 30_000],
      ]);
      expect((await t.call('GET', `/v1/kids/progress/${child}`, who.parent(parent))).body).toMatchObject({
        last_episode_id: 'ep-moon',
        watched_minutes_today: 1,
      });
    });
  });
});
