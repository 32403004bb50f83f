import type { INestApplication } from '@nestjs/common';
import { SignJWT } from 'jose';
import { createContractValidator, type ServiceProcesses, startServices, testEnv } from '@mikasmissions/testing';
import { wireControls } from './testing/family-fixtures';
import { startFamilyStandIn } from './testing/family-stand-in';

const contract = createContractValidator();
const SECRET = testEnv('memory').JWT_SECRET as string;

type Rail = { episode_id: string; reason_code: string };

/**
 * A child watches through the gateway: progress (real process) records the event and publishes
 * `progress.updated` over Redis Streams; recommendation (real process) consumes it and its home
 * shows continue watching and the next episode. Identity (the child's controls: strict defaults)
 * and catalog (its demo catalog) are the real processes; profile is a stand-in.
 */
describe('watch event → progress → progress.updated → recommendation home, through the gateway (real processes, Redis Streams)', () => {
  let family: INestApplication;
  let platform: ServiceProcesses;
  let kidToken: string;

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${platform.urls.gateway}${path}`, {
      method,
      headers: { authorization: `Bearer ${kidToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const parsed = (await res.json()) as { error?: { code: string }; rails?: Rail[]; safety_mode?: string };
    contract.assert({ method, path, status: res.status, body: parsed });
    return { status: res.status, body: parsed };
  };

  beforeAll(async () => {
    const standIn = await startFamilyStandIn({
      profiles: { 'kid-w': { parent_user_id: 'parent-w', age_band: '6-11' } },
      controls: wireControls(),
      episodes: [],
    });
    family = standIn.app;
    platform = await startServices(
      ['identity', 'catalog', 'progress', 'recommendation', 'gateway'],
      testEnv('redis', {
        AUTH_MODE: 'enforce',
        LOG_LEVEL: 'warn',
        PROFILE_URL: standIn.url,
        OUTBOX_RELAY_POLL_MS: '50',
      }),
      90_000,
    );
    kidToken = await new SignJWT({
      sub: 'kid-w',
      mm_role: 'child',
      parent_user_id: 'parent-w',
      child_profile_id: 'kid-w',
      exp: Math.floor(Date.now() / 1000) + 600,
    })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    await family?.close();
  });

  it('continue watching appears and the next episode of the show follows', async () => {
    const path = '/v1/kids/home?child_profile_id=kid-w&mode=core';
    const before = await call('GET', path);
    expect(before.status).toBe(200);
    expect(before.body.safety_mode).toBe('strict');
    expect(before.body.rails?.some((r) => r.reason_code === 'continue_watching')).toBe(false);
    const watched = await call('POST', '/v1/progress/watch-events', {
      child_profile_id: 'kid-w',
      episode_id: 'ep-demo-2',
      watch_ms: 2_000,
      event_time: new Date().toISOString(),
    });
    expect(watched).toEqual({ status: 202, body: { accepted: true } });
    let after = before;
    for (const until = Date.now() + 15_000; Date.now() < until;) {
      after = await call('GET', path);
      if (after.body.rails?.some((r) => r.reason_code === 'continue_watching')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const by = (reason: string) => (after.body.rails ?? []).filter((r) => r.reason_code === reason).map((r) => r.episode_id);
    expect(by('continue_watching')).toEqual(['ep-demo-2']);
    expect(by('next_episode')).toEqual(['ep-demo-3']);
  }, 30_000);
});
