import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContractValidator, type ServiceProcesses } from '@mikasmissions/testing';
import { bedtimeAwayFromNow } from './testing/family-session';
import { gatewayCall, poll } from './testing/gateway-client';
import { createChild, signUpParent, startPlatform, stopPlatform, verifyConsent } from './testing/gateway-parent';

const contract = createContractValidator();
const APPS = ['identity', 'profile', 'catalog', 'billing', 'progress', 'playback', 'gateway'];

/**
 * Seed 000/002's watching flow through the gateway with the seven apps dev:local runs, as
 * processes in memory mode whose events cross processes over Redis Streams only
 * (`MESSAGING_REDIS_URL`, a test stream prefix) and AUTH_MODE=enforce: signup → login →
 * consent (identity's console code) → billing's trial from `consent.verified` → child →
 * episode → playback session → the signed playlist through the gateway → a watch event →
 * kids progress → the dashboard's weekly watch time from `progress.updated`.
 */
describe('the watching flow through the gateway (7 apps as processes, memory stores, events over Redis)', () => {
  let platform: ServiceProcesses;
  const media = mkdtempSync(join(tmpdir(), 'watching-media-'));

  beforeAll(async () => {
    platform = await startPlatform(APPS, { AUTHX_TRUST_PROXY: 'true', MEDIA_STORE_DIR: media });
  }, 180_000);
  afterAll(async () => {
    // WATCHING_FLOW_LOGS=<dir>: keep each process's output there for a failure's post-mortem
    if (process.env.WATCHING_FLOW_LOGS)
      for (const app of APPS) writeFileSync(join(process.env.WATCHING_FLOW_LOGS, `${app}.log`), platform?.output(app) ?? '');
    await stopPlatform(platform);
    rmSync(media, { recursive: true, force: true });
  });

  const call = gatewayCall(() => platform.urls.gateway, contract);

  it('signup → consent → trial → child → episode → session → signed playlist → watch event → progress → dashboard', async () => {
    const parent = await signUpParent(call, 'watcher');
    const { id: parentId, token } = parent;

    expect((await call('GET', `/v1/billing/entitlements?parent_user_id=${parentId}`, undefined, token)).body?.error?.code).toBe(
      'entitlement_not_found',
    );

    await verifyConsent(call, platform, parent);

    const trial = await poll(
      'the trial from consent.verified',
      () => call('GET', `/v1/billing/entitlements?parent_user_id=${parentId}`, undefined, token),
      (r) => r.status === 200 && r.body.active === true,
    );
    expect(trial.body).toMatchObject({ parent_user_id: parentId, active: true });

    const child = await createChild(call, parent);
    const controls = await call('GET', `/v1/parents/controls/${child}`, undefined, token);
    expect(
      (await call('PUT', `/v1/parents/controls/${child}`, { ...controls.body.controls, bedtime_window: bedtimeAwayFromNow() }, token))
        .status,
    ).toBe(200);

    const episode = await call('GET', '/v1/catalog/episodes/ep-demo-1', undefined, token);
    expect(episode.status).toBe(200);
    expect(episode.body).toMatchObject({ episode_id: 'ep-demo-1', renditions: [{ storage_key: 'episodes/ep-demo-1/index.m3u8' }] });

    const session = await call(
      'POST',
      '/v1/playback/sessions',
      { child_profile_id: child, episode_id: 'ep-demo-1', device_type: 'tablet' },
      token,
    );
    expect([session.status, session.status === 201 ? 'ok' : session.body]).toEqual([201, 'ok']);
    const streamUrl = new URL(session.body.stream_url as string);
    expect(streamUrl.pathname).toBe(`/v1/playback/streams/${session.body.playback_session_id}/index.m3u8`);
    expect(streamUrl.searchParams.get('sig')).toEqual(expect.any(String));

    const playlist = await call('GET', `${streamUrl.pathname}${streamUrl.search}`);
    expect(playlist.status).toBe(200);
    expect(playlist.text).toMatch(/^#EXTM3U/);
    expect(playlist.text).toMatch(/seg-000\.ts\?exp=\d+&sig=/);
    const tampered = await call('GET', `${streamUrl.pathname}?exp=${streamUrl.searchParams.get('exp')}&sig=AAAA`);
    expect([tampered.status, tampered.body?.error?.code]).toEqual([403, 'invalid_stream_signature']);

    const watched = await call(
      'POST',
      '/v1/progress/watch-events',
      { child_profile_id: child, episode_id: 'ep-demo-1', watch_ms: 6_000, event_time: new Date().toISOString() },
      token,
    );
    expect([watched.status, watched.body]).toEqual([202, { accepted: true }]);
    const tooLong = await call(
      'POST',
      '/v1/progress/watch-events',
      { child_profile_id: child, episode_id: 'ep-demo-1', watch_ms: 3_600_000, event_time: new Date().toISOString() },
      token,
    );
    expect([tooLong.status, tooLong.body?.error?.code]).toEqual([400, 'invalid_watch_ms']);

    const progress = await call('GET', `/v1/kids/progress/${child}`, undefined, token);
    expect(progress.status).toBe(200);
    // the demo clip is 6 s long: minutes are whole minutes, so the watch shows as the last episode and full completion
    expect(progress.body).toMatchObject({
      child_profile_id: child,
      last_episode_id: 'ep-demo-1',
      completion_percent: 100,
      watched_minutes_today: 0,
    });

    const dashboard = await poll(
      'the weekly watch time from progress.updated',
      () => call('GET', `/v1/parents/dashboard?parent_user_id=${parentId}`, undefined, token),
      (r) => r.status === 200 && r.body.weekly_watch_ms > 0,
    );
    expect(dashboard.body).toMatchObject({
      parent_user_id: parentId,
      child_profiles: 1,
      weekly_watch_ms: 6_000,
      children: [{ child_profile_id: child, weekly_watch_ms: 6_000 }],
    });
  }, 120_000);
});
