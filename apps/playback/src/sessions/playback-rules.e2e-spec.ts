import { ADAPTERS, type TestStores } from '@mikasmissions/testing';
import { asChild, asParent, startPlaybackHarness, type PlaybackHarness } from '../testing/playback-harness';
import { stubEpisode } from '../testing/family-stub';

const START = '/v1/playback/sessions';

describe.each(ADAPTERS)('playback session rules on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres'])('with %s stores', (stores) => {
    let h: PlaybackHarness;
    beforeAll(async () => {
      h = await startPlaybackHarness(adapter, stores);
      h.stub.state.episodes.set('ep-teen', stubEpisode('ep-teen', { age_band: '12-16', show_id: 'show-teen' }));
      h.stub.state.episodes.set('ep-draft', stubEpisode('ep-draft', { publish_state: 'draft' }));
      h.stub.state.episodes.set('ep-other-show', stubEpisode('ep-other-show', { show_id: 'show-other' }));
    });
    afterAll(() => h.close());

    const start = (caller: Parameters<PlaybackHarness['call']>[2], body: Record<string, unknown>) => h.call('POST', START, caller, body);
    const codeOf = async (caller: Parameters<PlaybackHarness['call']>[2], body: Record<string, unknown>) => {
      const res = await start(caller, body);
      return [res.status, res.body?.error?.code];
    };

    it('starts a session: 201 with a signed stream URL, the day budget and the safety mode', async () => {
      const { child, parent } = h.family('ok', { controls: { session_limit_minutes: 45 } });
      h.stub.state.usage.set(`${child}|${new Date().toISOString().slice(0, 10)}`, 15);
      const res = await start(asParent(parent), { child_profile_id: child, episode_id: 'ep-1', device_type: 'tablet' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        playback_session_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        token: expect.stringMatching(/^[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]+$/),
        stream_url: expect.stringMatching(
          new RegExp(`^${h.origin}/v1/playback/streams/${res.body.playback_session_id}/index\\.m3u8\\?exp=\\d+&sig=`),
        ),
        expires_at: expect.any(String),
        safety_applied: false,
        safety_reason: 'parent_controls_balanced',
        session_capped: false,
        session_max_minutes: 30,
      });
      expect(Date.parse(res.body.expires_at)).toBeGreaterThan(Date.now());
      expect(h.stub.state.calls.filter((c) => c.line === 'GET /v1/billing/entitlements').every((c) => c.role === 'service')).toBe(true);
    });

    it('1. validation: missing_fields, invalid_safety_mode, invalid_session_limit, validation_failed — in that order', async () => {
      const { child, parent } = h.family('val');
      const p = asParent(parent);
      expect(await codeOf(p, { episode_id: 'ep-1', device_type: 'tv' })).toEqual([400, 'missing_fields']);
      expect(await codeOf(p, { child_profile_id: child, episode_id: ' ', device_type: 'tv', safety_mode: 'wild' })).toEqual([
        400,
        'missing_fields',
      ]);
      expect(
        await codeOf(p, { child_profile_id: child, episode_id: 'ep-1', device_type: 'tv', safety_mode: 'wild', session_limit_minutes: 1 }),
      ).toEqual([400, 'invalid_safety_mode']);
      for (const limit of [4, 181, 30.5, '30']) {
        expect(await codeOf(p, { child_profile_id: child, episode_id: 'ep-1', device_type: 'tv', session_limit_minutes: limit })).toEqual([
          400,
          'invalid_session_limit',
        ]);
      }
      expect(await codeOf(p, { child_profile_id: child, episode_id: 'ep-1', device_type: 'TV!' })).toEqual([400, 'validation_failed']);
      expect(await codeOf(p, { child_profile_id: child, episode_id: 'ep-1', device_type: 'tv', extra: 1 })).toEqual([
        400,
        'validation_failed',
      ]);
    });

    it('2. ownership: another parent or another child gets 403 child_profile_forbidden; an unknown child 404', async () => {
      const mine = h.family('own');
      const theirs = h.family('other');
      const body = { child_profile_id: mine.child, episode_id: 'ep-1', device_type: 'tv' };
      expect(await codeOf(asParent(theirs.parent), body)).toEqual([403, 'child_profile_forbidden']);
      expect(await codeOf(asChild(theirs.child, theirs.parent), body)).toEqual([403, 'child_profile_forbidden']);
      expect((await start(asChild(mine.child, mine.parent), body)).status).toBe(201);
      expect(await codeOf(asParent(mine.parent), { ...body, child_profile_id: 'kid-nobody' })).toEqual([404, 'child_profile_not_found']);
    });

    it('3. episode: unknown or unpublished → 404 episode_not_found; above the band, blocked or not approved → 403 episode_not_allowed', async () => {
      const young = h.family('ep', { controls: { max_age_band: '6-11' } });
      const body = (episode: string) => ({ child_profile_id: young.child, episode_id: episode, device_type: 'tv' });
      const p = asParent(young.parent);
      expect(await codeOf(p, body('ep-missing'))).toEqual([404, 'episode_not_found']);
      expect(await codeOf(p, body('ep-draft'))).toEqual([404, 'episode_not_found']);
      expect(await codeOf(p, body('ep-teen'))).toEqual([403, 'episode_not_allowed']);
      const teen = h.family('ep-max', { ageBand: '12-16', controls: { max_age_band: '6-11' } });
      const teenStart = await start(asParent(teen.parent), { child_profile_id: teen.child, episode_id: 'ep-teen', device_type: 'tv' });
      expect([teenStart.status, teenStart.body.error.code, teenStart.body.error.details]).toEqual([
        403,
        'episode_not_allowed',
        { reason: 'max_age_band' },
      ]);
      const blocked = h.family('ep-block', { controls: { blocked_show_ids: ['show-mikas-1'] } });
      expect(await codeOf(asParent(blocked.parent), { child_profile_id: blocked.child, episode_id: 'ep-1', device_type: 'tv' })).toEqual([
        403,
        'episode_not_allowed',
      ]);
      const approved = h.family('ep-appr', { controls: { approved_only: true, approved_show_ids: ['show-mikas-1'] } });
      const ab = (episode: string) => ({ child_profile_id: approved.child, episode_id: episode, device_type: 'tv' });
      expect(await codeOf(asParent(approved.parent), ab('ep-other-show'))).toEqual([403, 'episode_not_allowed']);
      expect((await start(asParent(approved.parent), ab('ep-1'))).status).toBe(201);
    });

    it("3. episode: controls without max_age_band (identity's answer when no ceiling is set) limit by the child's own band only", async () => {
      const teen = h.family('no-max-teen', { ageBand: '12-16', controls: { max_age_band: undefined } });
      expect((await start(asParent(teen.parent), { child_profile_id: teen.child, episode_id: 'ep-teen', device_type: 'tv' })).status).toBe(
        201,
      );
      const young = h.family('no-max-young', { controls: { max_age_band: undefined } });
      const refused = await start(asParent(young.parent), { child_profile_id: young.child, episode_id: 'ep-teen', device_type: 'tv' });
      expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([
        403,
        'episode_not_allowed',
        { reason: 'age_band' },
      ]);
    });

    it('4. limits: real usage at the parent limit → 403 session_cap_reached; the client fields only tighten', async () => {
      const today = new Date().toISOString().slice(0, 10);
      const used = h.family('cap', { controls: { session_limit_minutes: 30 } });
      h.stub.state.usage.set(`${used.child}|${today}`, 30);
      const body = { child_profile_id: used.child, episode_id: 'ep-1', device_type: 'tv' };
      expect(await codeOf(asParent(used.parent), body)).toEqual([403, 'session_cap_reached']);
      // Claiming a higher limit and no usage does not loosen anything.
      expect(await codeOf(asParent(used.parent), { ...body, session_limit_minutes: 180, session_minutes_used: 0 })).toEqual([
        403,
        'session_cap_reached',
      ]);
      const fresh = h.family('tight', { controls: { session_limit_minutes: 60 } });
      const fb = { child_profile_id: fresh.child, episode_id: 'ep-1', device_type: 'tv' };
      expect(await codeOf(asParent(fresh.parent), { ...fb, session_limit_minutes: 20, session_minutes_used: 20 })).toEqual([
        403,
        'session_cap_reached',
      ]);
      // A 10-minute episode in a 5-minute budget is capped; in a 15-minute one it is not.
      const tightened = await start(asParent(fresh.parent), { ...fb, session_limit_minutes: 5 });
      expect([tightened.status, tightened.body.session_max_minutes, tightened.body.session_capped]).toEqual([201, 5, true]);
      const roomy = await start(asParent(fresh.parent), { ...fb, session_limit_minutes: 15 });
      expect([roomy.status, roomy.body.session_max_minutes, roomy.body.session_capped]).toEqual([201, 15, false]);
    });

    it('4. bedtime: a window running now on the child clock → 403 bedtime_active', async () => {
      const hour = new Date().getUTCHours();
      const window = `${String(hour).padStart(2, '0')}:00-${String((hour + 1) % 24).padStart(2, '0')}:00`;
      const { child, parent } = h.family('bed', { controls: { bedtime_window: window, timezone: 'UTC' } });
      expect(await codeOf(asParent(parent), { child_profile_id: child, episode_id: 'ep-1', device_type: 'tv' })).toEqual([
        403,
        'bedtime_active',
      ]);
    });

    it('5. entitlement from billing: none or inactive → 403 entitlement_required, whatever entitlement_status says', async () => {
      const none = h.family('noplan', { entitled: false });
      const bypass = { child_profile_id: none.child, episode_id: 'ep-1', device_type: 'tv', entitlement_status: 'active' };
      expect(await codeOf(asParent(none.parent), bypass)).toEqual([403, 'entitlement_required']);
      const lapsed = h.family('lapsed');
      h.stub.state.entitlements.set(lapsed.child, { parent_user_id: lapsed.parent, plan: 'trial', active: false });
      expect(
        await codeOf(asParent(lapsed.parent), {
          child_profile_id: lapsed.child,
          episode_id: 'ep-1',
          device_type: 'tv',
          entitlement_status: 'active',
        }),
      ).toEqual([403, 'entitlement_required']);
      const paying = h.family('paying');
      const ok = await start(asParent(paying.parent), {
        child_profile_id: paying.child,
        episode_id: 'ep-1',
        device_type: 'tv',
        entitlement_status: 'inactive',
      });
      expect(ok.status).toBe(201);
    });

    it('6. autoplay: in strict mode (the parent or the request) → 403 autoplay_blocked', async () => {
      const strict = h.family('strict', { controls: { safety_mode: 'strict' } });
      const sb = { child_profile_id: strict.child, episode_id: 'ep-1', device_type: 'tv' };
      expect(await codeOf(asParent(strict.parent), { ...sb, autoplay_requested: true, safety_mode: 'balanced' })).toEqual([
        403,
        'autoplay_blocked',
      ]);
      const strictOk = await start(asParent(strict.parent), sb);
      expect([strictOk.status, strictOk.body.safety_applied, strictOk.body.safety_reason]).toEqual([201, true, 'parent_controls_strict']);
      const open = h.family('open');
      const ob = { child_profile_id: open.child, episode_id: 'ep-1', device_type: 'tv', autoplay_requested: true };
      expect(await codeOf(asParent(open.parent), { ...ob, safety_mode: 'strict' })).toEqual([403, 'autoplay_blocked']);
      expect((await start(asParent(open.parent), ob)).status).toBe(201);
    });

    it('7. external-link: a gate token works once (seed smoke), then 403 parent_gate_required; none at all is refused too', async () => {
      const { child, parent } = h.family('gate');
      h.stub.state.gates.set('gate-token-1', child);
      const body = { child_profile_id: child, episode_id: 'ep-1', device_type: 'external-link', parent_gate_token: 'gate-token-1' };
      expect((await start(asParent(parent), body)).status).toBe(201);
      expect(await codeOf(asParent(parent), body)).toEqual([403, 'parent_gate_required']);
      expect(await codeOf(asParent(parent), { ...body, parent_gate_token: undefined })).toEqual([403, 'parent_gate_required']);
      const other = h.family('gate-other');
      h.stub.state.gates.set('gate-token-2', other.child);
      expect(await codeOf(asParent(parent), { ...body, parent_gate_token: 'gate-token-2' })).toEqual([403, 'parent_gate_required']);
    });

    it('checks in the seed order: a request breaking several rules gets the earliest code', async () => {
      const { child, parent } = h.family('order', { entitled: false, controls: { session_limit_minutes: 30, safety_mode: 'strict' } });
      h.stub.state.usage.set(`${child}|${new Date().toISOString().slice(0, 10)}`, 40);
      const body = { child_profile_id: child, episode_id: 'ep-1', device_type: 'external-link', autoplay_requested: true };
      expect(await codeOf(asParent(parent), body)).toEqual([403, 'session_cap_reached']);
      h.stub.state.usage.set(`${child}|${new Date().toISOString().slice(0, 10)}`, 0);
      expect(await codeOf(asParent(parent), body)).toEqual([403, 'entitlement_required']);
      h.stub.state.entitlements.set(child, { parent_user_id: parent, plan: 'family_monthly', active: true });
      expect(await codeOf(asParent(parent), body)).toEqual([403, 'autoplay_blocked']);
      expect(await codeOf(asParent(parent), { ...body, autoplay_requested: false })).toEqual([403, 'parent_gate_required']);
    });
  });
});
