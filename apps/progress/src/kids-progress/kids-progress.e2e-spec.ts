import { ChildProfileDeleted } from '@mikasmissions/contracts-events';
import { EventPublisher } from '@mikasmissions/messaging';
import { createPgPool } from '@mikasmissions/persistence';
import { eventually, testDatabaseUrl, type TestStores } from '@mikasmissions/testing';
import { type ProgressTestApp, startProgressApp, who } from '../testing/progress-test-app';

const ROUTE = '/v1/progress/watch-events';

describe.each<TestStores>(['memory', 'postgres+redis'])('kids progress with %s stores', (stores) => {
  let t: ProgressTestApp;
  let n = 0;
  const id = (label: string) => `${label}-${stores.replace('+', '-')}-${Date.now().toString(36)}-${(n += 1)}`;
  const watch = async (child: string, episode: string, watchMs: number, eventTime: string) => {
    const res = await t.call('POST', ROUTE, who.service(), {
      child_profile_id: child,
      episode_id: episode,
      watch_ms: watchMs,
      event_time: eventTime,
    });
    expect(res.status).toBe(202);
  };
  const progress = async (child: string) => t.call('GET', `/v1/kids/progress/${child}`, who.service());
  const usage = async (child: string, date?: string) =>
    t.call('GET', `/internal/progress/${child}/usage${date ? `?date=${date}` : ''}`, who.service());

  beforeAll(async () => {
    t = await startProgressApp('express', stores);
    for (const ep of ['ep-1', 'ep-2', 'ep-3', 'ep-4', 'ep-5']) t.episodes.set(ep, 600_000);
  });
  afterAll(() => t.close());

  it('computes every field; an unknown child is 404 child_progress_not_found, a known one without events zeros', async () => {
    t.setNow('2026-12-01T12:00:00Z');
    expect(await progress(id('ghost'))).toMatchObject({ status: 404, body: { error: { code: 'child_progress_not_found' } } });
    const fresh = id('fresh');
    t.controls.set(fresh, { parentUserId: 'p', sessionLimitMinutes: 20 });
    expect((await progress(fresh)).body).toEqual({
      child_profile_id: fresh,
      watched_minutes_today: 0,
      watched_minutes_7d: 0,
      completion_percent: 0,
      mission_streak_days: 0,
      session_limit_minutes: 20,
      session_minutes_used: 0,
      session_capped: false,
      last_episode_id: null,
    });
    const kid = id('kid');
    t.controls.set(kid, { parentUserId: 'p', timezone: 'UTC', sessionLimitMinutes: 15 });
    await watch(kid, 'ep-1', 560_000, '2026-11-28T09:00:00Z');
    await watch(kid, 'ep-2', 300_000, '2026-12-01T09:00:00Z');
    await watch(kid, 'ep-3', 600_000, '2026-12-01T10:00:00Z');
    await watch(kid, 'ep-4', 60_000, '2026-11-20T10:00:00Z');
    expect((await progress(kid)).body).toEqual({
      child_profile_id: kid,
      watched_minutes_today: 15,
      watched_minutes_7d: 24,
      completion_percent: 50,
      mission_streak_days: 1,
      session_limit_minutes: 15,
      session_minutes_used: 15,
      session_capped: true,
      last_episode_id: 'ep-3',
    });
  });

  it('shows a parent only its own children and a child only itself (403 child_profile_forbidden)', async () => {
    const kid = id('own');
    t.grant('p-own', kid);
    t.controls.set(kid, { parentUserId: 'p-own' });
    expect((await t.call('GET', `/v1/kids/progress/${kid}`, who.parent('p-own'))).status).toBe(200);
    expect((await t.call('GET', `/v1/kids/progress/${kid}`, who.child('p-own', kid))).status).toBe(200);
    expect((await t.call('GET', `/v1/kids/progress/${kid}`, who.parent('p-other'))).body.error?.code).toBe('child_profile_forbidden');
    expect((await t.call('GET', `/v1/kids/progress/${kid}`, who.child('p-own', id('sibling')))).body.error?.code).toBe(
      'child_profile_forbidden',
    );
    expect((await t.call('GET', `/v1/kids/progress/${kid}`, null)).body.error?.code).toBe('missing_identity');
  });

  it('resets the ledger at local midnight, per timezone (Berlin and New York)', async () => {
    const berlin = id('berlin');
    const newYork = id('ny');
    t.controls.set(berlin, { parentUserId: 'p', timezone: 'Europe/Berlin' });
    t.controls.set(newYork, { parentUserId: 'p', timezone: 'America/New_York' });
    t.setNow('2026-12-01T23:30:00Z');
    for (const child of [berlin, newYork]) {
      await watch(child, 'ep-1', 120_000, '2026-12-01T22:50:00Z');
      await watch(child, 'ep-1', 300_000, '2026-12-01T23:10:00Z');
    }
    expect((await progress(berlin)).body).toMatchObject({ watched_minutes_today: 3, watched_minutes_7d: 5 });
    expect((await usage(berlin, '2026-12-01')).body).toEqual({
      child_profile_id: berlin,
      date: '2026-12-01',
      minutes_used: 2,
      timezone: 'Europe/Berlin',
    });
    expect((await usage(berlin)).body).toMatchObject({ date: '2026-12-02', minutes_used: 3 });
    expect((await progress(newYork)).body).toMatchObject({ watched_minutes_today: 5, watched_minutes_7d: 5 });
    expect((await usage(newYork)).body).toEqual({
      child_profile_id: newYork,
      date: '2026-12-01',
      minutes_used: 5,
      timezone: 'America/New_York',
    });
    t.setNow('2026-12-02T05:30:00Z');
    expect((await progress(newYork)).body).toMatchObject({ watched_minutes_today: 0, watched_minutes_7d: 5 });
    const noZone = id('nozone');
    t.controls.set(noZone, { parentUserId: 'p' });
    await watch(noZone, 'ep-1', 60_000, '2026-12-01T23:10:00Z');
    expect((await usage(noZone, '2026-12-02')).body).toMatchObject({ minutes_used: 1, timezone: 'Europe/Berlin' });
  });

  it('counts the streak over consecutive local days with a completed episode, ending today or yesterday, with no cap', async () => {
    const kid = id('streak');
    t.controls.set(kid, { parentUserId: 'p', timezone: 'Asia/Tokyo' });
    t.setNow('2026-12-04T12:00:00Z');
    // Tokyo days: ep-5 completed on 11-27 (then a gap); ep-2, ep-3, ep-4 on 11-30, 12-01, 12-02 and ep-1 on 12-03
    // (its 11-29 completion arrives out of order, after ep-1 was already completed on 12-03, so it adds nothing).
    const days = ['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03'];
    await watch(kid, 'ep-5', 560_000, '2026-11-27T01:00:00Z');
    for (const [i, day] of days.entries()) await watch(kid, `ep-${(i % 4) + 1}`, 0, `${day}T00:30:00Z`);
    for (const [i, day] of days.entries()) await watch(kid, `ep-${(i % 4) + 1}`, i === 4 ? 540_000 : 0, `${day}T01:00:00Z`);
    for (const [i, day] of days.slice(0, 4).entries()) await watch(kid, `ep-${i + 1}`, 590_000, `${day}T02:00:00Z`);
    expect((await progress(kid)).body).toMatchObject({ mission_streak_days: 4 });
    t.setNow('2026-12-05T12:00:00Z');
    expect((await progress(kid)).body).toMatchObject({ mission_streak_days: 0 });
    t.setNow('2026-12-03T10:00:00Z');
    expect((await progress(kid)).body).toMatchObject({ mission_streak_days: 4 });
    t.setNow('2026-12-02T10:00:00Z');
    expect((await progress(kid)).body).toMatchObject({ mission_streak_days: 3 });
  });

  it('invalidates the cached usage when a new event of the child arrives', async () => {
    const kid = id('cache');
    t.controls.set(kid, { parentUserId: 'p', timezone: 'UTC' });
    t.setNow('2026-12-01T12:00:00Z');
    const first = await usage(kid, '2026-12-01');
    const second = await usage(kid, '2026-12-01');
    expect([first.headers.get('x-cache'), second.headers.get('x-cache'), second.body.minutes_used]).toEqual(['MISS', 'HIT', 0]);
    await watch(kid, 'ep-1', 180_000, '2026-12-01T11:00:00Z');
    const after = await usage(kid, '2026-12-01');
    expect([after.headers.get('x-cache'), after.body.minutes_used]).toEqual(['MISS', 3]);
    expect((await t.call('GET', `/internal/progress/${kid}/usage?date=2026-13-45`, who.service())).body.error?.code).toBe(
      'validation_failed',
    );
    expect((await t.call('GET', `/internal/progress/${kid}/usage?date=2026-02-30`, who.service())).body.error?.code).toBe(
      'validation_failed',
    );
    expect((await t.call('GET', `/internal/progress/${kid}/usage`, who.parent('p'))).status).toBe(403);
    expect((await t.call('GET', `/internal/progress/${kid}/usage`, null)).status).toBe(401);
    expect((await t.call('GET', `/v1/internal/progress/${kid}/usage`, who.service())).status).toBe(404);
  });

  it('erases the history when child.profile.deleted arrives', async () => {
    const kid = id('gone');
    t.setNow('2026-12-01T12:00:00Z');
    await watch(kid, 'ep-1', 120_000, '2026-12-01T11:00:00Z');
    expect((await progress(kid)).status).toBe(200);
    const publisher = t.app.get(EventPublisher);
    await publisher.publish(ChildProfileDeleted, { parentUserId: 'p', childProfileId: kid }, { tenantId: 'default' });
    expect(
      (
        await eventually(
          () => progress(kid),
          (res) => res.status === 404,
        )
      ).status,
    ).toBe(404);
    expect((await usage(kid, '2026-12-01')).body).toMatchObject({ minutes_used: 0 });
    if (stores === 'memory') return;
    const pool = createPgPool(testDatabaseUrl(), 1);
    try {
      for (const table of ['watch_events', 'episode_positions', 'daily_usage']) {
        const { rows } = await pool.query(`SELECT count(*)::int AS n FROM progress.${table} WHERE child_profile_id = $1`, [kid]);
        expect({ table, n: rows[0].n }).toEqual({ table, n: 0 });
      }
      const { rows } = await pool.query('SELECT count(*)::int AS n FROM progress.watch_events');
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await pool.end();
    }
  });
});
