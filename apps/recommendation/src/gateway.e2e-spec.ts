import type { INestApplication } from '@nestjs/common';
import { SignJWT } from 'jose';
import { createContractValidator, type ServiceProcesses, startServices, testEnv } from '@mikasmissions/testing';
import { wireControls } from './testing/family-fixtures';
import { startFamilyStandIn } from './testing/family-stand-in';

const contract = createContractValidator();
const SECRET = testEnv('memory').JWT_SECRET as string;

/**
 * The gateway, the real catalog (memory mode, its demo catalog of 30 episodes) and
 * recommendation as real processes (AUTH_MODE=enforce); profile and identity are a stand-in.
 */
describe('kids home through the gateway over the real catalog (real processes)', () => {
  let family: INestApplication;
  let platform: ServiceProcesses;
  const token = (claims: Record<string, string>) =>
    new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode(SECRET));
  const get = async (path: string, bearer?: string) => {
    const res = await fetch(`${platform.urls.gateway}${path}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    const body = (await res.json()) as {
      error?: { code: string };
      rails?: Array<{ age_band: string; episode_id: string; thumbnail_url: string }>;
    };
    contract.assert({ method: 'GET', path, status: res.status, body });
    return { status: res.status, body };
  };

  beforeAll(async () => {
    const standIn = await startFamilyStandIn({
      profiles: {
        'kid-core': { parent_user_id: 'parent-1', age_band: '6-11' },
        'kid-early': { parent_user_id: 'parent-1', age_band: '3-5' },
      },
      controls: wireControls(),
      episodes: [],
    });
    family = standIn.app;
    platform = await startServices(
      ['catalog', 'recommendation', 'gateway'],
      testEnv('memory', { AUTH_MODE: 'enforce', LOG_LEVEL: 'warn', PROFILE_URL: standIn.url, IDENTITY_URL: standIn.url }),
    );
  }, 90_000);
  afterAll(async () => {
    await platform?.stop();
    await family?.close();
  });

  it('serves a parent the home of its child, never above the band, and refuses what the contract lists', async () => {
    const parent = await token({ sub: 'parent-1', mm_role: 'parent', parent_user_id: 'parent-1' });
    const home = await get('/v1/kids/home?child_profile_id=kid-core&mode=core', parent);
    expect(home.status).toBe(200);
    expect(home.body.rails?.length).toBeGreaterThan(0);
    expect(
      home.body.rails?.every((r) => r.age_band !== '12-16' && r.episode_id.startsWith('ep-demo-') && r.thumbnail_url.startsWith('http')),
    ).toBe(true);
    expect(new Set(home.body.rails?.map((r) => r.age_band))).toEqual(new Set(['3-5', '6-11']));
    const early = await get(
      '/v1/home/rails?child_profile_id=kid-early',
      await token({ sub: 'kid-early', mm_role: 'child', parent_user_id: 'parent-1', child_profile_id: 'kid-early' }),
    );
    expect([early.status, early.body.rails?.every((r) => r.age_band === '3-5')]).toEqual([200, true]);
    expect((await get('/v1/kids/home?child_profile_id=kid-early&mode=teen', parent)).body.error?.code).toBe('mode_not_allowed');
    expect(
      (
        await get(
          '/v1/kids/home?child_profile_id=kid-core&mode=core',
          await token({ sub: 'parent-2', mm_role: 'parent', parent_user_id: 'parent-2' }),
        )
      ).body.error?.code,
    ).toBe('child_profile_forbidden');
    expect((await get('/v1/kids/home?child_profile_id=kid-core&mode=core')).body.error?.code).toBe('missing_token');
  });
});
