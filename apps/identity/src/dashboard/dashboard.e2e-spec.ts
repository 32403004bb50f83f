import type { INestApplication } from '@nestjs/common';
import { ProgressUpdated, type ProgressUpdatedPayload } from '@mikasmissions/contracts-events';
import { connectEventConsumers, EventPublisher } from '@mikasmissions/messaging';
import { ADAPTERS, baseUrl, bootApp, deleteTestFileKeys, eventually, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { FamilyClient, parentEmail, signupBody, type As } from '../family-test.helpers';
import { FakeProfileServer } from './testing/fake-profile.server';

const DAY_MS = 86_400_000;
const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS).toISOString();

afterAll(() => deleteTestFileKeys());

describe.each(ADAPTERS)('parent dashboard on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres+redis'])('with %s stores', (stores) => {
    const profile = new FakeProfileServer();
    let app: INestApplication;
    let api: FamilyClient;

    beforeAll(async () => {
      const profileUrl = await profile.start();
      app = await bootApp(AppModule, {
        adapter,
        env: testEnv(stores, { AUTH_MODE: 'enforce', PROFILE_URL: profileUrl }),
        globalPrefix: 'v1',
      });
      expect(await connectEventConsumers(app)).toBe(true);
      api = new FamilyClient(await baseUrl(app));
    });
    afterAll(async () => {
      await app.close();
      await profile.stop();
    });
    afterEach(() => {
      profile.failing = false;
    });

    async function newParent(label: string): Promise<{ id: string; as: As }> {
      const res = await api.call('POST', '/parents/signup', { body: signupBody(parentEmail(label)) });
      return { id: res.body.parent_user_id, as: { role: 'parent', parentUserId: res.body.parent_user_id } };
    }
    const dashboard = (parentUserId: string, as: As | null) =>
      api.call('GET', `/parents/dashboard?parent_user_id=${parentUserId}`, { as: as ?? undefined });
    const publish = (payload: ProgressUpdatedPayload) => app.get(EventPublisher).publish(ProgressUpdated, payload, { tenantId: 'default' });

    it('adds up the last 7 days per child from progress.updated, with the names from profile', async () => {
      const parent = await newParent('Dash');
      const [mika, lou] = [`kid-mika-${parent.id}`, `kid-lou-${parent.id}`];
      profile.profiles.push(
        { child_profile_id: mika, parent_user_id: parent.id, display_name: 'Mika', age_band: '6-8' },
        { child_profile_id: lou, parent_user_id: parent.id, display_name: 'Lou', age_band: '3-5' },
        { child_profile_id: `kid-other-${parent.id}`, parent_user_id: 'someone-else', display_name: 'Other', age_band: '3-5' },
      );
      const base = { episodeId: 'ep-1', positionSeconds: 60, parentUserId: parent.id };
      await publish({ ...base, childId: mika, watchedMs: 60_000, eventTime: at(0), learningTags: ['counting', 'colours'] });
      await publish({ ...base, childId: mika, watchedMs: 30_000, eventTime: at(1) });
      await publish({ ...base, childId: lou, watchedMs: 10_000, eventTime: at(6) });
      await publish({ ...base, childId: mika, watchedMs: 99_000, eventTime: at(8), learningTags: ['old'] });
      await publish({ ...base, childId: `kid-other-${parent.id}`, watchedMs: 5_000, eventTime: at(0) });
      await publish({ childId: lou, episodeId: 'ep-2', positionSeconds: 5, watchedMs: 2_000, learningTags: ['letters'] });
      await publish({ childId: lou, episodeId: 'ep-3', positionSeconds: 0 });

      const res = await eventually(
        () => dashboard(parent.id, parent.as),
        (r) => r.body.weekly_watch_ms >= 102_000,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        parent_user_id: parent.id,
        child_profiles: 2,
        weekly_watch_ms: 102_000,
        weekly_learning_events: 3,
        children: [
          { child_profile_id: mika, display_name: 'Mika', weekly_watch_ms: 90_000, weekly_learning_events: 2 },
          { child_profile_id: lou, display_name: 'Lou', weekly_watch_ms: 12_000, weekly_learning_events: 1 },
        ],
      });
      expect((await dashboard(parent.id, { role: 'service' })).body).toEqual(res.body);
    });

    it('answers zeros for a parent without children', async () => {
      const parent = await newParent('Empty');
      const res = await dashboard(parent.id, parent.as);
      expect(res.body).toEqual({
        parent_user_id: parent.id,
        child_profiles: 0,
        weekly_watch_ms: 0,
        weekly_learning_events: 0,
        children: [],
      });
    });

    it('scopes the dashboard: 401 missing_identity, 403 parent_mismatch and insufficient_role, 404 parent_not_found, 400 validation_failed', async () => {
      const a = await newParent('ScopeA');
      const b = await newParent('ScopeB');
      const cases: Array<[Promise<{ status: number; body: { error: { code: string } } }>, number, string]> = [
        [dashboard(a.id, null), 401, 'missing_identity'],
        [dashboard(a.id, b.as), 403, 'parent_mismatch'],
        [dashboard(a.id, { role: 'child', parentUserId: a.id, childProfileId: 'kid-1' }), 403, 'insufficient_role'],
        [dashboard('no-such-parent', { role: 'service' }), 404, 'parent_not_found'],
        [api.call('GET', '/parents/dashboard', { as: a.as }), 400, 'validation_failed'],
      ];
      for (const [call, status, code] of cases) {
        const res = await call;
        expect([res.status, res.body.error.code]).toEqual([status, code]);
      }
    });

    it('answers 503 service_unavailable with Retry-After when profile fails', async () => {
      const parent = await newParent('Down');
      profile.failing = true;
      const res = await dashboard(parent.id, parent.as);
      expect([res.status, res.body.error.code]).toEqual([503, 'service_unavailable']);
      expect(res.headers.get('retry-after')).toBe('1');
    });
  });
});
