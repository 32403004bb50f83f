import { check, expectAnswer, type SmokeContext } from '../smoke-client';
import { consentedParent, createChild, type Parent, signUpParent } from './parent-session';

const PIN = '4821';

async function gateToken(ctx: SmokeContext, parent: Parent, child: string, label: string): Promise<string> {
  return ctx.step(
    label,
    async () => {
      const challenge = expectAnswer(
        await ctx.call(
          'POST',
          '/v1/parents/gates/challenge',
          { parent_user_id: parent.id, child_profile_id: child, method: 'pin' },
          parent.token,
        ),
        201,
      );
      const verify = expectAnswer(
        await ctx.call(
          'POST',
          '/v1/parents/gates/verify',
          { parent_user_id: parent.id, child_profile_id: child, challenge_id: challenge.body.challenge_id, response: PIN },
          parent.token,
        ),
        200,
      );
      check(verify.body.verified === true && typeof verify.body.gate_token === 'string', 'no gate token');
      return verify.body.gate_token as string;
    },
    () => 'gate token',
  );
}

/**
 * Seed 000's auth smoke (a gateway in `AUTH_MODE=enforce`): no token → 401; a PIN gate token
 * opens one kids session and is refused the second time; a wrong PIN is refused; another
 * parent is denied the child; a child token is refused on parent routes.
 */
export async function authFlow(ctx: SmokeContext): Promise<void> {
  await ctx.step(
    'no token on a parent route',
    async () => {
      expectAnswer(await ctx.call('GET', '/v1/parents/dashboard?parent_user_id=nobody'), 401, 'missing_token');
    },
    () => '401 missing_token (enforce mode)',
  );
  const mum = await consentedParent(ctx, 'parent');
  const stranger = await signUpParent(ctx, 'other parent');
  const child = await createChild(ctx, 'parent', mum);
  await ctx.step('parent PIN', async () => {
    expectAnswer(await ctx.call('PUT', '/v1/parents/pin', { password: mum.password, pin: PIN }, mum.token), 200);
  });
  await ctx.step(
    'wrong PIN refused',
    async () => {
      const challenge = expectAnswer(
        await ctx.call(
          'POST',
          '/v1/parents/gates/challenge',
          { parent_user_id: mum.id, child_profile_id: child, method: 'pin' },
          mum.token,
        ),
        201,
      );
      const answer = { parent_user_id: mum.id, child_profile_id: child, challenge_id: challenge.body.challenge_id, response: '0000' };
      expectAnswer(await ctx.call('POST', '/v1/parents/gates/verify', answer, mum.token), 403, 'invalid_or_replayed_challenge');
    },
    () => '403 invalid_or_replayed_challenge',
  );
  const gate = await gateToken(ctx, mum, child, 'gate challenge + verify');
  const kid = await ctx.step(
    'kids session with the gate token',
    async () => {
      const a = expectAnswer(await ctx.call('POST', `/v1/children/profiles/${child}/session`, { gate_token: gate }, mum.token), 201);
      check(a.body.role === 'child' && a.body.child_profile_id === child, `role ${a.body.role}, child ${a.body.child_profile_id}`);
      return a.body.access_token as string;
    },
    () => 'child token',
  );
  await ctx.step(
    'gate token is single-use',
    async () => {
      expectAnswer(
        await ctx.call('POST', `/v1/children/profiles/${child}/session`, { gate_token: gate }, mum.token),
        403,
        'invalid_gate_token',
      );
    },
    () => '403 invalid_gate_token on reuse',
  );
  await ctx.step(
    'cross-parent denial',
    async () => {
      expectAnswer(await ctx.call('GET', `/v1/parents/controls/${child}`, undefined, stranger.token), 403, 'child_profile_forbidden');
      expectAnswer(
        await ctx.call(
          'POST',
          '/v1/children/profiles',
          { parent_user_id: stranger.id, display_name: 'X', age_band: '6-11', avatar: 'fox' },
          mum.token,
        ),
        403,
        'parent_mismatch',
      );
    },
    () => '403 child_profile_forbidden, 403 parent_mismatch',
  );
  await ctx.step(
    'child token refused on parent routes',
    async () => {
      expectAnswer(await ctx.call('GET', `/v1/parents/controls/${child}`, undefined, kid), 403, 'insufficient_role');
      expectAnswer(await ctx.call('GET', `/v1/children/profiles?parent_user_id=${mum.id}`, undefined, kid), 403, 'insufficient_role');
      expectAnswer(
        await ctx.call('POST', '/v1/parents/gates/challenge', { parent_user_id: mum.id, child_profile_id: child, method: 'pin' }, kid),
        403,
        'insufficient_role',
      );
    },
    () => '403 insufficient_role ×3',
  );
}
