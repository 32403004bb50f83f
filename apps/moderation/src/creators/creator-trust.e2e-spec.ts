import { randomUUID } from 'node:crypto';
import { ADAPTERS, type TestStores } from '@mikasmissions/testing';
import { type ModerationTestApp, startModerationApp, TRUSTED_CREATOR, transcoded, who } from '../testing/moderation-test-app';

jest.setTimeout(30_000);

const cases: Array<[(typeof ADAPTERS)[number], TestStores]> = [
  [ADAPTERS[0], 'memory'],
  [ADAPTERS[1], 'postgres+redis'],
];

describe.each(cases)('creator trust levels set by an admin, on %s with %s stores', (adapter, stores) => {
  let t: ModerationTestApp;
  const asset = () => `a-${randomUUID()}`;
  const creator = () => `creator-${randomUUID().slice(0, 8)}`;
  const path = (id: string) => `/v1/admin/moderation/creators/${id}`;
  const decisionOf = async (creatorId: string) => {
    const id = asset();
    await t.transcoded(transcoded(id, { creatorId }));
    const [reviewed] = await t.eventsOf(id, 1);
    return { id, decision: reviewed?.payload.decision as string, rules: reviewed?.payload.rules as Array<{ rule: string }> };
  };

  const configTrusted = `creator-config-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    t = await startModerationApp(adapter, stores, { MODERATION_TRUSTED_CREATORS: `${TRUSTED_CREATOR},${configTrusted}` });
  }, 60_000);
  afterAll(() => t.close());

  it('shows the configured level until an admin sets one', async () => {
    const id = creator();
    expect(await t.call('GET', path(id), who.admin())).toEqual({
      status: 200,
      body: { creator_id: id, trust_level: 'unknown', source: 'config', updated_by: null, updated_at: null },
    });
    expect((await t.call('GET', path(TRUSTED_CREATOR), who.admin())).body).toMatchObject({ trust_level: 'trusted', source: 'config' });
  });

  it('a creator raised to trusted is auto-approved; lowered to low, the next upload goes to the queue; each change is audited', async () => {
    const id = creator();
    expect((await decisionOf(id)).decision).toBe('queued');

    const raised = await t.call('PUT', path(id), who.admin('admin-3'), { trust_level: 'trusted' });
    expect(raised).toEqual({
      status: 200,
      body: { creator_id: id, trust_level: 'trusted', source: 'admin', updated_by: 'admin-3', updated_at: expect.any(String) },
    });
    expect((await t.call('GET', path(id), who.admin())).body).toEqual(raised.body);
    const approved = await decisionOf(id);
    expect(approved).toMatchObject({ decision: 'approved', rules: [] });
    expect((await t.eventsOf(approved.id, 2)).map((e) => e.type)).toEqual(['media.reviewed', 'media.approved']);

    const lowered = await t.call('PUT', path(id), who.admin('admin-4'), { trust_level: 'low' });
    expect(lowered.body).toMatchObject({ trust_level: 'low', source: 'admin', updated_by: 'admin-4' });
    const queued = await decisionOf(id);
    expect(queued.decision).toBe('queued');
    expect(queued.rules).toEqual([expect.objectContaining({ rule: 'creator_trust', severity: 'soft', detail: 'creator trust low' })]);
    expect(await t.queueItem(queued.id)).toMatchObject({ creator_id: id, creator_trust: 'low', reason: 'creator_trust' });

    const audit = await t.call('GET', `/v1/admin/moderation/audit?creator_id=${id}`, who.admin());
    expect(audit.body.entries).toEqual([
      expect.objectContaining({
        actor: 'admin-4',
        actor_role: 'admin',
        action: 'moderation.trust_changed',
        target_type: 'creator',
        target_id: id,
        before: raised.body,
        after: lowered.body,
      }),
      expect.objectContaining({
        actor: 'admin-3',
        before: { creator_id: id, trust_level: 'unknown', source: 'config', updated_by: null, updated_at: null },
        after: raised.body,
      }),
    ]);
  });

  it('an admin can lower a creator the config trusts: its next upload is queued', async () => {
    expect((await decisionOf(configTrusted)).decision).toBe('approved');
    await t.call('PUT', path(configTrusted), who.admin(), { trust_level: 'unknown' });
    expect((await decisionOf(configTrusted)).decision).toBe('queued');
    expect((await t.call('GET', path(configTrusted), who.admin())).body).toMatchObject({ trust_level: 'unknown', source: 'admin' });
  });

  it('keeps tenants apart: a level set in one tenant does not change another', async () => {
    const id = creator();
    await t.call('PUT', path(id), who.admin(), { trust_level: 'trusted' });
    const other = await t.call('GET', path(id), { ...who.admin(), tenantId: 'other-tenant' });
    expect(other.body).toMatchObject({ trust_level: 'unknown', source: 'config' });
  });

  it('answers 400 for a bad level, body or id, and the auth errors, with the one error body', async () => {
    const id = creator();
    for (const body of [{ trust_level: 'super' }, {}, { trust_level: 'trusted', extra: 1 }]) {
      const res = await t.call('PUT', path(id), { ...who.admin(), requestId: 'bad-trust' }, body);
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'validation_failed', requestId: 'bad-trust' } } });
    }
    expect((await t.call('PUT', path(id), who.admin(), '{"trust_level":')).body.error.code).toBe('malformed_json');
    expect((await t.call('GET', path('bad%20id'), who.admin())).body.error.code).toBe('validation_failed');
    expect((await t.call('GET', `/v1/admin/moderation/audit?creator_id=${id}&asset_id=x`, who.admin())).status).toBe(400);
    expect((await t.call('PUT', path(id), who.parent(), { trust_level: 'trusted' })).body.error.code).toBe('insufficient_role');
    expect((await t.call('GET', path(id), null)).body.error.code).toBe('missing_identity');
    expect((await t.call('GET', path(id), who.admin())).body).toMatchObject({ source: 'config' });
  });
});
