import { createPgPool } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { asParent, startPlaybackHarness, type PlaybackHarness } from '../testing/playback-harness';

/** An `Etc/GMT…` zone whose wall clock shows `hour` now (Etc/GMT-14 … Etc/GMT+12 cover every hour). */
function zoneAtHour(hour: number): string {
  for (let offset = -12; offset <= 14; offset += 1) {
    const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const local = Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
    if (local === hour) return zone;
  }
  throw new Error(`no zone at hour ${hour}`);
}

describe('playback heartbeats and bedtime (fastify, Postgres)', () => {
  let h: PlaybackHarness;
  let pool: Pool;
  beforeAll(async () => {
    h = await startPlaybackHarness('fastify', 'postgres');
    pool = createPgPool(testDatabaseUrl(), 1);
  });
  afterAll(async () => {
    await h.close();
    await pool.end();
  });

  const today = () => new Date().toISOString().slice(0, 10);
  const start = (child: string, parent: string) =>
    h.call('POST', '/v1/playback/sessions', asParent(parent), { child_profile_id: child, episode_id: 'ep-1', device_type: 'tv' });
  const beat = (id: string, parent: string, body: unknown = {}) =>
    h.call('POST', `/v1/playback/sessions/${id}/heartbeat`, asParent(parent), body);
  const outbox = async (sessionId: string) =>
    (
      await pool.query<{ type: string; payload: Record<string, unknown> }>(
        `SELECT type, payload->'payload' AS payload FROM playback.outbox WHERE payload->'payload'->>'sessionId' = $1 ORDER BY seq`,
        [sessionId],
      )
    ).rows;

  it('stores the session and its playback.session.started event together', async () => {
    const { child, parent } = h.family('store', { controls: { session_limit_minutes: 40 } });
    const res = await start(child, parent);
    const id = res.body.playback_session_id;
    const [row] = (
      await pool.query(
        `SELECT child_profile_id, episode_id, device_type, limit_minutes, minutes_watched, started_at FROM playback.sessions WHERE id = $1`,
        [id],
      )
    ).rows;
    expect(row).toMatchObject({ child_profile_id: child, episode_id: 'ep-1', device_type: 'tv', limit_minutes: 40, minutes_watched: 0 });
    expect(await outbox(id)).toEqual([
      {
        type: 'playback.session.started',
        payload: expect.objectContaining({
          sessionId: id,
          childProfileId: child,
          parentUserId: parent,
          episodeId: 'ep-1',
          deviceType: 'tv',
          maxMinutes: 40,
        }),
      },
    ]);
  });

  it('a heartbeat within the limit continues; past the limit it answers continue:false and caps the session once', async () => {
    const { child, parent } = h.family('hb', { controls: { session_limit_minutes: 30 } });
    h.stub.state.usage.set(`${child}|${today()}`, 10);
    const started = (await start(child, parent)).body;
    const id = started.playback_session_id;
    const streamPath = started.stream_url.replace(h.origin, '');
    expect((await h.call('GET', streamPath, null)).status).toBe(200);
    const ok = await beat(id, parent, { position_seconds: 42 });
    expect([ok.status, ok.body]).toEqual([200, { continue: true, remaining_minutes: 20 }]);
    h.stub.state.usage.set(`${child}|${today()}`, 31);
    const stop = await beat(id, parent);
    expect([stop.status, stop.body]).toEqual([200, { continue: false, remaining_minutes: 0, stop_reason: 'session_cap_reached' }]);
    expect((await beat(id, parent)).body).toEqual({ continue: false, remaining_minutes: 0, stop_reason: 'session_cap_reached' });
    const capped = (await outbox(id)).filter((e) => e.type === 'child.session.capped');
    expect(capped).toEqual([
      {
        type: 'child.session.capped',
        payload: expect.objectContaining({ sessionId: id, reason: 'session_cap_reached', childProfileId: child }),
      },
    ]);
    const [row] = (await pool.query(`SELECT end_reason, last_heartbeat_at FROM playback.sessions WHERE id = $1`, [id])).rows;
    expect(row.end_reason).toBe('session_cap_reached');
    expect(row.last_heartbeat_at).not.toBeNull();
    // A capped session's stream URL stops working, signature or not.
    const afterCap = await h.call('GET', streamPath, null);
    expect([afterCap.status, afterCap.body.error.code]).toEqual([403, 'invalid_stream_signature']);
  });

  it('stops the stream when the parent changes the controls (a blocked show, a lower limit)', async () => {
    const { child, parent } = h.family('ctl', { controls: { session_limit_minutes: 60 } });
    const id = (await start(child, parent)).body.playback_session_id;
    h.stub.state.controls.get(child)!.blocked_show_ids = ['show-mikas-1'];
    expect((await beat(id, parent)).body).toEqual({ continue: false, remaining_minutes: 60, stop_reason: 'episode_not_allowed' });

    const other = h.family('ctl2', { controls: { session_limit_minutes: 60 } });
    h.stub.state.usage.set(`${other.child}|${today()}`, 20);
    const id2 = (await start(other.child, other.parent)).body.playback_session_id;
    h.stub.state.controls.get(other.child)!.session_limit_minutes = 20;
    expect((await beat(id2, other.parent)).body).toEqual({ continue: false, remaining_minutes: 0, stop_reason: 'session_cap_reached' });
  });

  it('bedtime spans midnight on the child clock: refused at 23:xx and 02:xx there, allowed at 12:xx, and a heartbeat stops at bedtime', async () => {
    for (const hour of [23, 2]) {
      const late = h.family(`bed${hour}`, { controls: { bedtime_window: '21:00-06:30', timezone: zoneAtHour(hour) } });
      const res = await start(late.child, late.parent);
      expect([hour, res.status, res.body.error?.code]).toEqual([hour, 403, 'bedtime_active']);
    }
    const noon = h.family('bed12', { controls: { bedtime_window: '21:00-06:30', timezone: zoneAtHour(12) } });
    const ok = await start(noon.child, noon.parent);
    expect(ok.status).toBe(201);
    // The family's clock moves to a zone where it is now 23:xx: the next heartbeat stops the stream.
    h.stub.state.controls.get(noon.child)!.timezone = zoneAtHour(23);
    const stop = await beat(ok.body.playback_session_id, noon.parent);
    expect(stop.body).toMatchObject({ continue: false, stop_reason: 'bedtime_active' });
  });

  it("counts usage on the child's local day, not the UTC day", async () => {
    // Etc/GMT-14 is a day ahead of UTC from 10:00 UTC, Etc/GMT+12 a day behind until 12:00 UTC: one always differs.
    const now = new Date();
    const zone = now.getUTCHours() >= 10 ? 'Etc/GMT-14' : 'Etc/GMT+12';
    const local = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
    expect(local).not.toBe(today());
    const utcOnly = h.family('day-utc', { controls: { session_limit_minutes: 30, timezone: zone } });
    h.stub.state.usage.set(`${utcOnly.child}|${today()}`, 30);
    expect((await start(utcOnly.child, utcOnly.parent)).status).toBe(201);
    const localFull = h.family('day-local', { controls: { session_limit_minutes: 30, timezone: zone } });
    h.stub.state.usage.set(`${localFull.child}|${local}`, 30);
    expect((await start(localFull.child, localFull.parent)).body.error.code).toBe('session_cap_reached');
  });

  it("answers 404 session_not_found for unknown ids and for another family's session (row-level security hides it), 400 for a bad body", async () => {
    const { child, parent } = h.family('hb-own');
    const id = (await start(child, parent)).body.playback_session_id;
    for (const unknown of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const res = await beat(unknown, parent);
      expect([res.status, res.body.error.code]).toEqual([404, 'session_not_found']);
    }
    const stranger = h.family('hb-stranger');
    const res = await beat(id, stranger.parent);
    expect([res.status, res.body.error.code]).toEqual([404, 'session_not_found']);
    const bad = await beat(id, parent, { position_seconds: -1 });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
  });
});
