import { SignJWT } from 'jose';
import { startServices, testEnv, type ServiceProcesses } from '@mikasmissions/testing';
import { bootCatalog, type BootedCatalog } from './testing/boot-catalog';

const SECRET = 'catalog-gateway-test-secret-long-enough-0123';

const token = (claims: Record<string, unknown>) =>
  new SignJWT({ exp: Math.floor(Date.now() / 1000) + 300, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(SECRET));

// Seed 000's smoke step 9 (the episode) through the public edge: token → gateway → signed identity → catalog.
describe('GET /v1/catalog/episodes/{id} through the gateway (AUTH_MODE=enforce)', () => {
  let catalog: BootedCatalog;
  let gateway: ServiceProcesses;
  let edge: string;
  const read = async (id: string, bearer?: string) => {
    const res = await fetch(`${edge}/v1/catalog/episodes/${id}`, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
    const body = await res.json();
    catalog.contract.assert({ method: 'GET', path: `/v1/catalog/episodes/${id}`, status: res.status, body });
    return { status: res.status, body, etag: res.headers.get('etag') };
  };

  beforeAll(async () => {
    catalog = await bootCatalog('fastify', 'memory');
    gateway = await startServices(['gateway'], testEnv('memory', { AUTH_MODE: 'enforce', JWT_SECRET: SECRET, CATALOG_URL: catalog.root }));
    edge = gateway.urls.gateway;
  }, 90_000);
  afterAll(async () => {
    await gateway?.stop();
    await catalog.close();
  });

  it('a parent token reads ep-demo-1; no token is 401 missing_token', async () => {
    const parent = await token({ sub: 'parent-gw', mm_role: 'parent' });
    const ok = await read('ep-demo-1', parent);
    expect(ok).toMatchObject({ status: 200, body: { episode_id: 'ep-demo-1', show_id: 'show-mikas-1', age_band: '6-11' } });
    expect(ok.etag).toMatch(/^"/);
    expect((await read('ep-demo-1')).body.error.code).toBe('missing_token');
    expect((await read('ep-gw-missing', parent)).body.error.code).toBe('episode_not_found');
  });

  it("a child token is filtered by the child's band and controls", async () => {
    catalog.family.profiles.set('kid-gw', { parent_user_id: 'parent-gw', age_band: '6-11' });
    catalog.family.controls.set('kid-gw', { blocked_show_ids: ['show-robot-workshop'] });
    const child = await token({ sub: 'kid-gw', mm_role: 'child', parent_user_id: 'parent-gw', child_profile_id: 'kid-gw' });
    expect((await read('ep-demo-1', child)).status).toBe(200);
    const blocked = await read('ep-demo-6', child);
    expect(blocked).toMatchObject({ status: 403, body: { error: { code: 'episode_not_allowed', details: { reason: 'show_blocked' } } } });
    const teen = await read('ep-demo-21', child);
    expect(teen).toMatchObject({
      status: 403,
      body: { error: { code: 'episode_not_allowed', details: { reason: 'above_child_age_band' } } },
    });
  });
});
