import { ADAPTERS, type TestStores } from '@mikasmissions/testing';
import { call, type TestCaller } from '../testing/catalog-test.helpers';
import { bootCatalog, type BootedCatalog } from '../testing/boot-catalog';

// Demo episodes: ep-demo-1 show-mikas-1 (6-11), ep-demo-11 show-tiny-tides (3-5), ep-demo-21 show-code-crew (12-16).
describe.each(ADAPTERS)('the child filter of GET /v1/catalog/episodes/{id} on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres'])('with %s stores', (stores) => {
    let c: BootedCatalog;
    let n = 0;
    /** A new child with its band and (optionally) controls at the fake profile and identity. */
    const child = (ageBand: string, controls?: Parameters<BootedCatalog['family']['controls']['set']>[1]): TestCaller => {
      const id = `kid-${adapter}-${stores}-${++n}`;
      c.family.profiles.set(id, { parent_user_id: 'parent-1', age_band: ageBand });
      if (controls) c.family.controls.set(id, controls);
      return { role: 'child', childProfileId: id, parentUserId: 'parent-1' };
    };
    const read = async (who: TestCaller, id: string) => {
      const res = await call(who, 'GET', `${c.v1}/catalog/episodes/${id}`);
      const body = await res.json();
      c.contract.assert({ method: 'GET', path: `/v1/catalog/episodes/${id}`, status: res.status, body });
      return { status: res.status, body, headers: res.headers };
    };
    const expectDenied = async (who: TestCaller, id: string, reason: string) => {
      const { status, body } = await read(who, id);
      expect({ status, code: body.error?.code, reason: body.error?.details?.reason }).toEqual({
        status: 403,
        code: 'episode_not_allowed',
        reason,
      });
    };

    beforeAll(async () => {
      c = await bootCatalog(adapter, stores);
    });
    afterAll(() => c.close());

    it('lets a child see an episode within its band and its controls, read through profile and identity as service', async () => {
      const kid = child('6-11', { max_age_band: '12-16' });
      c.family.roles.length = 0;
      expect((await read(kid, 'ep-demo-1')).status).toBe(200);
      expect((await read(kid, 'ep-demo-11')).status).toBe(200);
      expect(c.family.roles.length).toBeGreaterThanOrEqual(2);
      expect(new Set(c.family.roles)).toEqual(new Set(['service']));
    });

    it("403 above_child_age_band: an episode above the child's own band (profile)", async () => {
      await expectDenied(child('3-5'), 'ep-demo-1', 'above_child_age_band');
      await expectDenied(child('6-11'), 'ep-demo-21', 'above_child_age_band');
    });

    it("403 above_max_age_band: an episode above the parent's max_age_band (controls), within the child's band", async () => {
      const kid = child('12-16', { max_age_band: '3-5' });
      await expectDenied(kid, 'ep-demo-1', 'above_max_age_band');
      expect((await read(kid, 'ep-demo-11')).status).toBe(200);
    });

    it('403 show_blocked: an episode of a blocked show', async () => {
      const kid = child('6-11', { blocked_show_ids: ['show-mikas-1'] });
      await expectDenied(kid, 'ep-demo-1', 'show_blocked');
      expect((await read(kid, 'ep-demo-6')).status).toBe(200);
    });

    it('403 show_not_approved: with approved_only, an episode outside the approved shows', async () => {
      const kid = child('6-11', { approved_only: true, approved_show_ids: ['show-tiny-tides'] });
      await expectDenied(kid, 'ep-demo-1', 'show_not_approved');
      expect((await read(kid, 'ep-demo-11')).status).toBe(200);
      const lists = child('6-11', { approved_only: false, approved_show_ids: ['show-tiny-tides'] });
      expect((await read(lists, 'ep-demo-1')).status).toBe(200);
    });

    it('403 child_profile_unknown: a child the profile service does not know; no controls means the defaults', async () => {
      await expectDenied({ role: 'child', childProfileId: 'kid-nobody' }, 'ep-demo-11', 'child_profile_unknown');
      expect((await read(child('6-11'), 'ep-demo-1')).status).toBe(200);
    });

    it("a parent's change applies at once, though the episode's answer is cached", async () => {
      const kid = child('6-11', {});
      expect((await read(kid, 'ep-demo-2')).headers.get('x-cache')).not.toBeNull();
      expect((await read(kid, 'ep-demo-2')).headers.get('x-cache')).toBe('HIT');
      c.family.controls.set(kid.role === 'child' ? kid.childProfileId : '', { blocked_show_ids: ['show-mikas-1'] });
      await expectDenied(kid, 'ep-demo-2', 'show_blocked');
    });

    it('parents and services are not filtered', async () => {
      for (const who of [{ role: 'parent', parentUserId: 'parent-1' }, { role: 'service' }] as TestCaller[]) {
        expect((await read(who, 'ep-demo-21')).status).toBe(200);
      }
    });

    it('fails closed with 503 service_unavailable and Retry-After when profile or identity is down', async () => {
      const kid = child('12-16', {});
      c.family.down = true;
      try {
        const res = await call(kid, 'GET', `${c.v1}/catalog/episodes/ep-demo-1`);
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
        const body = await res.json();
        c.contract.assert({ method: 'GET', path: '/v1/catalog/episodes/ep-demo-1', status: 503, body });
        expect(body.error.code).toBe('service_unavailable');
      } finally {
        c.family.down = false;
      }
      expect((await read(kid, 'ep-demo-1')).status).toBe(200);
    });
  });
});
