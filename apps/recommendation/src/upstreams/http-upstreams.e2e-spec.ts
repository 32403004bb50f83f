import type { INestApplication } from '@nestjs/common';
import type { RailItem } from '@mikasmissions/contracts-api';
import { type Answer, type FaultProxy, startFaultProxy, who } from '@mikasmissions/testing';
import { show } from '../testing/catalog-fixtures';
import { wireControls } from '../testing/family-fixtures';
import { startFamilyStandIn } from '../testing/family-stand-in';
import { type RecommendationTestApp, startRecommendationApp } from '../testing/recommendation-test-app';
import type { CatalogEpisode } from './catalog-source';

jest.setTimeout(30_000);

const EPISODES: CatalogEpisode[] = [
  ...show('moon', 30, { learningTags: ['space'] }),
  ...show('farm', 3, { ageBand: '3-5', learningTags: ['animals'] }, 5),
  ...show('teen', 3, { ageBand: '12-16' }),
];
const PROFILES: Record<string, { parent_user_id: string; age_band: string }> = {
  kid1: { parent_user_id: 'p1', age_band: '6-11' },
  kid2: { parent_user_id: 'p1', age_band: '6-11' },
  odd: { parent_user_id: 'p1', age_band: 'toddler' },
};

const ids = (a: Answer): string[] => (a.body.rails as RailItem[]).map((r) => r.episode_id);

describe('recommendation over its HTTP upstreams (ServiceClient → profile, identity, catalog), catalog killed', () => {
  let family: INestApplication;
  let catalogProxy: FaultProxy;
  let familyProxy: FaultProxy;
  let t: RecommendationTestApp;

  beforeAll(async () => {
    const standIn = await startFamilyStandIn({
      profiles: PROFILES,
      controls: wireControls({ blocked_show_ids: ['farm'], safety_mode: 'strict' }),
      episodes: EPISODES,
    });
    family = standIn.app;
    catalogProxy = await startFaultProxy({ host: '127.0.0.1', port: standIn.port });
    familyProxy = await startFaultProxy({ host: '127.0.0.1', port: standIn.port });
    const direct = `http://127.0.0.1:${familyProxy.port}`;
    t = await startRecommendationApp('fastify', 'postgres+redis', {
      RECOMMENDATION_UPSTREAMS: 'http',
      CATALOG_URL: `http://127.0.0.1:${catalogProxy.port}`,
      PROFILE_URL: direct,
      IDENTITY_URL: direct,
      SERVICE_CLIENT_TIMEOUT_MS: '400',
    });
  });
  afterAll(async () => {
    await t?.close();
    await catalogProxy?.close();
    await familyProxy?.close();
    await family?.close();
  });

  it('reads the band from profile, the controls from identity and pages the catalog by band', async () => {
    const home = await t.get('/v1/kids/home?child_profile_id=kid1&mode=core', who.parent('p1'));
    expect(home.status).toBe(200);
    expect(home.body).toMatchObject({ safety_mode: 'strict' });
    const all = ids(home);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((id) => id.startsWith('moon-'))).toBe(true);
    expect((home.body.rails as RailItem[]).every((r) => r.safety_applied && r.age_band === '6-11')).toBe(true);
    expect((await t.get('/v1/kids/home?child_profile_id=kid1&mode=core', who.parent('p2'))).body.error?.code).toBe(
      'child_profile_forbidden',
    );
    expect((await t.get('/v1/home/rails?child_profile_id=ghost', who.service())).body.error?.code).toBe('child_profile_not_found');
    const odd = await t.get('/v1/home/rails?child_profile_id=odd', who.service());
    expect([odd.status, odd.body.error?.code]).toEqual([503, 'service_unavailable']);
  });

  it('catalog killed: the cached home, then the stored home of the same policy, else 503 catalog_unavailable', async () => {
    const first = await t.get('/v1/kids/home?child_profile_id=kid2&mode=core', who.parent('p1'));
    expect(first.status).toBe(200);
    await catalogProxy.cut();
    try {
      const cached = await t.get('/v1/kids/home?child_profile_id=kid2&mode=core', who.parent('p1'));
      expect([cached.status, cached.headers.get('x-cache')]).toEqual([200, 'HIT']);
      const stored = await t.get('/v1/home/rails?child_profile_id=kid2', who.parent('p1'));
      expect([stored.status, stored.headers.get('x-cache')]).toEqual([200, 'MISS']);
      expect(stored.body.rails).toEqual(first.body.rails);
      const narrower = await t.get('/v1/kids/home?child_profile_id=kid2&mode=early', who.parent('p1'));
      expect([narrower.status, narrower.body.error?.code, narrower.headers.get('retry-after')]).toEqual([503, 'catalog_unavailable', '1']);
      await catalogProxy.hang();
      const hung = await t.get('/v1/kids/home?child_profile_id=kid2&mode=early', who.child('p1', 'kid2'));
      expect([hung.status, hung.body.error?.code]).toEqual([503, 'catalog_unavailable']);
    } finally {
      await catalogProxy.restore();
    }
    expect((await t.get('/v1/kids/home?child_profile_id=kid2&mode=early', who.parent('p1'))).status).toBe(200);
  });

  it('profile or identity down: 503 service_unavailable with Retry-After, never a home without the policy', async () => {
    await familyProxy.cut();
    try {
      const down = await t.get('/v1/home/rails?child_profile_id=kid1', who.service());
      expect([down.status, down.body.error?.code, down.headers.get('retry-after')]).toEqual([503, 'service_unavailable', '1']);
    } finally {
      await familyProxy.restore();
    }
  });
});
