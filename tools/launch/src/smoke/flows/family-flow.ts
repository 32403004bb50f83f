import { check, expectAnswer, type Json, poll, type SmokeContext } from '../smoke-client';
import { bedtimeAwayFromNow, consentedParent, createChild } from './parent-session';

/** The demo episode every memory-mode catalog holds. */
const EPISODE = 'ep-demo-1';

/**
 * Seed 000's local smoke flow through the gateway: signup → login → consent → the trial
 * entitlement (from `consent.verified`) → child profile → parental controls (defaults, a change,
 * a refused value) → the demo episode → kids home → playback session → a watch event → kids
 * progress → the parent dashboard. Status codes and bodies are checked at every step.
 */
export async function familyFlow(ctx: SmokeContext): Promise<void> {
  const parent = await consentedParent(ctx, 'parent');
  await ctx.step(
    'trial entitlement',
    () =>
      poll(
        'the trial from consent.verified',
        () => ctx.call('GET', `/v1/billing/entitlements?parent_user_id=${parent.id}`, undefined, parent.token),
        (a) => a.status === 200 && a.body.active === true,
      ),
    (a) => `active, plan ${a.body.plan_id ?? a.body.plan ?? '?'}`,
  );
  const child = await createChild(ctx, 'parent', parent);
  const controls = await ctx.step(
    'controls read',
    async () => {
      const a = expectAnswer(await ctx.call('GET', `/v1/parents/controls/${child}`, undefined, parent.token), 200);
      check(
        a.body.controls?.safety_mode === 'strict' && a.body.controls?.autoplay === false,
        `defaults not strict: ${JSON.stringify(a.body.controls)}`,
      );
      return a.body.controls as Json;
    },
    (c) => `safety_mode ${c.safety_mode}, session limit ${c.session_limit_minutes} min`,
  );
  await ctx.step(
    'controls write',
    async () => {
      const a = expectAnswer(
        await ctx.call(
          'PUT',
          `/v1/parents/controls/${child}`,
          { ...controls, session_limit_minutes: 45, bedtime_window: bedtimeAwayFromNow() },
          parent.token,
        ),
        200,
      );
      check(a.body.controls.session_limit_minutes === 45, `session_limit_minutes ${a.body.controls.session_limit_minutes}`);
    },
    () => 'session limit 45 min, bedtime away from now',
  );
  await ctx.step(
    'controls refuse a bad value',
    async () => {
      expectAnswer(
        await ctx.call('PUT', `/v1/parents/controls/${child}`, { ...controls, session_limit_minutes: 500 }, parent.token),
        400,
        'invalid_session_limit',
      );
    },
    () => '400 invalid_session_limit',
  );
  await ctx.step(
    'catalog episode',
    async () => {
      const a = expectAnswer(await ctx.call('GET', `/v1/catalog/episodes/${EPISODE}`, undefined, parent.token), 200);
      check(
        a.body.episode_id === EPISODE && Array.isArray(a.body.renditions) && a.body.renditions.length > 0,
        `no renditions for ${EPISODE}`,
      );
    },
    () => `${EPISODE} with renditions`,
  );
  await ctx.step(
    'kids home',
    async () => {
      const a = expectAnswer(await ctx.call('GET', `/v1/kids/home?child_profile_id=${child}&mode=core`, undefined, parent.token), 200);
      check(a.body.child_profile_id === child && a.body.mode === 'core', `home for ${a.body.child_profile_id} mode ${a.body.mode}`);
      return a.body.rails as unknown[];
    },
    (rails) => `${rails.length} rail item(s)`,
  );
  const session = await ctx.step(
    'playback session',
    async () => {
      const a = expectAnswer(
        await ctx.call(
          'POST',
          '/v1/playback/sessions',
          { child_profile_id: child, episode_id: EPISODE, device_type: 'tablet' },
          parent.token,
        ),
        201,
      );
      const url = new URL(a.body.stream_url as string);
      check(
        url.pathname === `/v1/playback/streams/${a.body.playback_session_id}/index.m3u8` && !!url.searchParams.get('sig'),
        `unsigned or odd stream_url ${a.body.stream_url}`,
      );
      return a.body as Json;
    },
    (s) => `session ${s.playback_session_id}, signed stream_url`,
  );
  await ctx.step(
    'watch event',
    async () => {
      const a = expectAnswer(
        await ctx.call(
          'POST',
          '/v1/progress/watch-events',
          { child_profile_id: child, episode_id: EPISODE, watch_ms: 6_000, event_time: new Date().toISOString() },
          parent.token,
        ),
        202,
      );
      check(a.body.accepted === true, 'not accepted');
    },
    () => `6 s of ${EPISODE} (session ${session.playback_session_id})`,
  );
  await ctx.step(
    'kids progress',
    async () => {
      const a = expectAnswer(await ctx.call('GET', `/v1/kids/progress/${child}`, undefined, parent.token), 200);
      check(a.body.last_episode_id === EPISODE, `last_episode_id ${a.body.last_episode_id}`);
    },
    () => `last episode ${EPISODE}`,
  );
  await ctx.step(
    'parent dashboard',
    async () => {
      const a = expectAnswer(await ctx.call('GET', `/v1/parents/dashboard?parent_user_id=${parent.id}`, undefined, parent.token), 200);
      check(
        a.body.parent_user_id === parent.id && (a.body.children as Json[]).some((c) => c.child_profile_id === child),
        `child ${child} not on the dashboard`,
      );
      return a.body.child_profiles as number;
    },
    (n) => `${n} child profile(s)`,
  );
}
