import type { INestApplication } from '@nestjs/common';
import { AuditLog } from '@mikasmissions/authx';
import { OutboxStore } from '@mikasmissions/messaging';
import { baseUrl, bootApp, createContractValidator, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { call, type Caller, FakeProfile, uid, useFamilyApp } from '../controls-test.helpers';
import { strictDefaults } from './parental-controls';

const contract = createContractValidator();
const STRICT = strictDefaults();
const VALID = {
  autoplay: true,
  chat_enabled: false,
  external_links: false,
  session_limit_minutes: 45,
  bedtime_window: '21:30-06:45',
  safety_mode: 'balanced',
};

describe.each(['memory', 'postgres+redis'] as const)('parental controls (%s, AUTH_MODE=enforce)', (stores) => {
  const t = useFamilyApp(stores);

  const path = (id = t.child) => `/v1/parents/controls/${id}`;
  async function expectAnswer(caller: Caller | null, method: string, at: string, status: number, body?: unknown, code?: string) {
    const res = await call(t.base, caller, method, at, body);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    contract.assert({ method, path: at, status: res.status, body: res.body });
    return res.body;
  }

  it('answers the strict defaults for a child with no saved controls', async () => {
    expect(await expectAnswer(t.asParent, 'GET', path(), 200)).toEqual({ child_profile_id: t.child, controls: STRICT });
  });

  it('stores a PUT (replace: omitted extras fall back to the strict defaults) and reads it back', async () => {
    const put = await expectAnswer(t.asParent, 'PUT', path(), 200, {
      ...VALID,
      timezone: 'Europe/Berlin',
      max_age_band: '3-5',
      approved_only: true,
      approved_show_ids: ['show-1', 'show-2'],
      blocked_show_ids: ['show-9'],
      search_enabled: false,
      history_paused: true,
    });
    expect(put.controls).toEqual({
      ...VALID,
      timezone: 'Europe/Berlin',
      max_age_band: '3-5',
      approved_only: true,
      approved_show_ids: ['show-1', 'show-2'],
      blocked_show_ids: ['show-9'],
      search_enabled: false,
      history_paused: true,
    });
    await expectAnswer(t.asParent, 'PUT', path(), 200, VALID);
    expect(await expectAnswer(t.asParent, 'GET', path(), 200)).toEqual({ child_profile_id: t.child, controls: { ...STRICT, ...VALID } });
  });

  it.each([
    [{ ...VALID, session_limit_minutes: 4 }, 'invalid_session_limit'],
    [{ ...VALID, session_limit_minutes: 181 }, 'invalid_session_limit'],
    [{ ...VALID, session_limit_minutes: 30.5 }, 'invalid_session_limit'],
    [{ ...VALID, bedtime_window: '25:00-07:00' }, 'invalid_bedtime_window'],
    [{ ...VALID, bedtime_window: '8pm-7am' }, 'invalid_bedtime_window'],
    [{ ...VALID, safety_mode: 'loose' }, 'invalid_safety_mode'],
    [{ ...VALID, timezone: 'Mars/Olympus' }, 'invalid_timezone'],
    [{ ...VALID, max_age_band: '18+' }, 'invalid_age_band'],
    [{ ...VALID, max_age_band: '12-16' }, 'invalid_age_band'],
    [{ ...VALID, approved_only: 'yes' }, 'invalid_approved_only'],
    [{ ...VALID, approved_show_ids: ['ok', 'ok'] }, 'invalid_approved_show_ids'],
    [{ ...VALID, approved_show_ids: 'show-1' }, 'invalid_approved_show_ids'],
    [{ ...VALID, blocked_show_ids: ['has space'] }, 'invalid_blocked_show_ids'],
    [{ ...VALID, search_enabled: 1 }, 'invalid_search_enabled'],
    [{ ...VALID, history_paused: null }, 'invalid_history_paused'],
    [{ ...VALID, autoplay: 'on' }, 'validation_failed'],
    [{ ...VALID, bedtime: '20:00-07:00' }, 'validation_failed'],
    [{ autoplay: true }, 'validation_failed'],
  ])('refuses %j with 400 %s and stores nothing', async (body, code) => {
    await expectAnswer(t.asParent, 'PUT', path(), 400, body, code);
    expect((await expectAnswer(t.asParent, 'GET', path(), 200)).controls).toEqual(STRICT);
  });

  it('answers 400 malformed_json for a body that is not JSON', async () => {
    await expectAnswer(t.asParent, 'PUT', path(), 400, '{"autoplay":', 'malformed_json');
  });

  it("refuses another parent's child with 403 child_profile_forbidden, on GET and PUT", async () => {
    const stranger: Caller = { role: 'parent', parentUserId: uid('p') };
    await expectAnswer(stranger, 'GET', path(), 403, undefined, 'child_profile_forbidden');
    await expectAnswer(stranger, 'PUT', path(), 403, VALID, 'child_profile_forbidden');
  });

  it('refuses a child principal with 403 insufficient_role, even for its own profile', async () => {
    await expectAnswer({ role: 'child', childProfileId: t.child, parentUserId: t.parent }, 'PUT', path(), 403, VALID, 'insufficient_role');
    await expectAnswer(
      { role: 'child', childProfileId: t.child, parentUserId: t.parent },
      'GET',
      path(),
      403,
      undefined,
      'insufficient_role',
    );
  });

  it('needs an identity: 401 missing_identity without one', async () => {
    await expectAnswer(null, 'GET', path(), 401, undefined, 'missing_identity');
  });

  it('publishes parent.controls.updated with the full controls and the changed fields, in the outbox', async () => {
    await expectAnswer(t.asParent, 'PUT', path(), 200, { ...VALID, blocked_show_ids: ['show-3'] });
    const events = await findOutboxEvents(t.app, t.child);
    expect(events).toContainEqual(
      expect.objectContaining({
        parentUserId: t.parent,
        childProfileId: t.child,
        controls: { ...STRICT, ...VALID, blocked_show_ids: ['show-3'] },
        changed: ['autoplay', 'session_limit_minutes', 'bedtime_window', 'safety_mode', 'blocked_show_ids'],
      }),
    );
  });

  it('audits who changed which fields, and when', async () => {
    const before = Date.now();
    await expectAnswer(t.asParent, 'PUT', path(), 200, { ...STRICT, chat_enabled: true });
    const entries = await t.app.get(AuditLog).query({ tenantId: 'default', principal: t.parent, limit: 50 });
    const entry = entries.find((e) => e.object === `child_profile:${t.child}`);
    expect(entry).toMatchObject({ kind: 'controls', action: 'controls:chat_enabled', decision: 'allow', principal: t.parent });
    expect(Date.parse(entry!.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('names every changed field in the audit entry, even when all of them change', async () => {
    await expectAnswer(t.asParent, 'PUT', path(), 200, {
      autoplay: true,
      chat_enabled: true,
      external_links: true,
      session_limit_minutes: 60,
      bedtime_window: '19:00-06:00',
      safety_mode: 'balanced',
      timezone: 'Asia/Kolkata',
      max_age_band: '3-5',
      approved_only: true,
      approved_show_ids: ['a'],
      blocked_show_ids: ['b'],
      search_enabled: false,
      history_paused: true,
    });
    const [entry] = (await t.app.get(AuditLog).query({ tenantId: 'default', principal: t.parent, limit: 50 })).filter(
      (e) => e.object === `child_profile:${t.child}`,
    );
    expect(entry.action).toBe(
      `controls:${['autoplay', 'chat_enabled', 'external_links', 'session_limit_minutes', 'bedtime_window', 'safety_mode', 'timezone', 'max_age_band', 'approved_only', 'approved_show_ids', 'blocked_show_ids', 'search_enabled', 'history_paused'].join(',')}`,
    );
  });

  it("lets the service identity read and replace any known child's controls (as its owner), 404 for an unknown child", async () => {
    await expectAnswer({ role: 'service' }, 'PUT', path(), 200, VALID);
    expect((await expectAnswer(t.asParent, 'GET', path(), 200)).controls).toMatchObject(VALID);
    await expectAnswer({ role: 'service' }, 'GET', path(uid('ghost')), 404, undefined, 'child_profile_not_found');
    await expectAnswer({ role: 'service' }, 'PUT', path(uid('ghost')), 404, VALID, 'child_profile_not_found');
  });

  it('caches the internal read and drops it when a PUT changes the controls', async () => {
    const at = `/internal/controls/${t.child}`;
    const first = await call(t.base, { role: 'service' }, 'GET', at);
    const second = await call(t.base, { role: 'service' }, 'GET', at);
    expect([first.headers.get('x-cache'), second.headers.get('x-cache')]).toEqual(['MISS', 'HIT']);
    await expectAnswer(t.asParent, 'PUT', path(), 200, VALID);
    const fresh = await call(t.base, { role: 'service' }, 'GET', at);
    expect({ cache: fresh.headers.get('x-cache'), autoplay: fresh.body.controls.autoplay }).toEqual({ cache: 'MISS', autoplay: true });
  });

  it('serves GET /internal/controls/{id} to the service identity only, with the owner', async () => {
    await expectAnswer(t.asParent, 'PUT', path(), 200, VALID);
    const internal = await call(t.base, { role: 'service' }, 'GET', `/internal/controls/${t.child}`);
    expect(internal).toMatchObject({
      status: 200,
      body: { child_profile_id: t.child, parent_user_id: t.parent, controls: { ...STRICT, ...VALID } },
    });
    const fresh = uid('k');
    t.profile.register(t.parent, fresh);
    expect((await call(t.base, { role: 'service' }, 'GET', `/internal/controls/${fresh}`)).body).toEqual({
      child_profile_id: fresh,
      parent_user_id: t.parent,
      controls: STRICT,
    });
    expect((await call(t.base, { role: 'service' }, 'GET', `/internal/controls/${uid('ghost')}`)).body.error.code).toBe(
      'child_profile_not_found',
    );
    expect((await call(t.base, t.asParent, 'GET', `/internal/controls/${t.child}`)).status).toBe(403);
    expect((await call(t.base, null, 'GET', `/internal/controls/${t.child}`)).status).toBe(401);
  });
});

/** The `parent.controls.updated` payloads the relay published for `child` (waits up to 5 s for the relay). */
async function findOutboxEvents(app: INestApplication, child: string): Promise<unknown[]> {
  const outbox = app.get(OutboxStore);
  for (let attempt = 0; attempt < 50; attempt++) {
    const found: unknown[] = [];
    let after: string | null = null;
    do {
      const page = await outbox.listPublished({ withinMs: 600_000, limit: 500, after });
      for (const r of page.records)
        if (r.type === 'parent.controls.updated' && (r.envelope.payload as { childProfileId?: string }).childProfileId === child)
          found.push(r.envelope.payload);
      after = page.next;
    } while (after);
    if (found.length > 0) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return [];
}

describe('parental controls while the profile service is down', () => {
  let app: INestApplication;
  let base: string;

  beforeAll(async () => {
    const gone = await FakeProfile.start();
    await gone.close();
    app = await bootApp(AppModule, {
      adapter: 'express',
      env: testEnv('memory', { AUTH_MODE: 'enforce', AUTHX_REDIS_PREFIX: uniquePrefix('authx'), PROFILE_URL: gone.url }),
      globalPrefix: 'v1',
    });
    base = await baseUrl(app);
  });
  afterAll(() => app.close());

  it('answers 503 service_unavailable with Retry-After, never a yes to the ownership question', async () => {
    const at = `/v1/parents/controls/${uid('k')}`;
    const res = await call(base, { role: 'parent', parentUserId: uid('p') }, 'GET', at);
    expect({ status: res.status, code: res.body.error.code, service: res.body.error.details?.service }).toEqual({
      status: 503,
      code: 'service_unavailable',
      service: 'profile',
    });
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    contract.assert({ method: 'GET', path: at, status: res.status, body: res.body });
  });
});
