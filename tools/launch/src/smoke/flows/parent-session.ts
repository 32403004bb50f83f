import { check, expectAnswer, type SmokeContext } from '../smoke-client';

/** The password of every parent a smoke signs up. */
export const SMOKE_PASSWORD = 'correct horse battery staple';

/** A signed-in parent. */
export interface Parent {
  email: string;
  id: string;
  token: string;
  password: string;
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** signup → login for a fresh parent (`<label>.<unique>@example.com`); the parent is pending consent. */
export async function signUpParent(ctx: SmokeContext, label: string): Promise<Parent> {
  const email = `smoke.${label.replace(/[^a-z0-9]+/gi, '-')}.${unique()}@example.com`;
  const signup = await ctx.step(
    `${label}: signup`,
    async () => {
      const a = expectAnswer(
        await ctx.call('POST', '/v1/parents/signup', {
          email,
          password: SMOKE_PASSWORD,
          country: 'DE',
          language: 'de',
          marketing: false,
          accepted_terms: true,
        }),
        201,
      );
      check(a.body.status === 'pending_consent', `status ${a.body.status}, expected pending_consent`);
      return a.body.parent_user_id as string;
    },
    (id) => `parent ${id}, pending_consent`,
  );
  return login(ctx, label, email, SMOKE_PASSWORD, signup);
}

async function login(ctx: SmokeContext, label: string, email: string, password: string, expectedId?: string): Promise<Parent> {
  return ctx.step(
    `${label}: login`,
    async () => {
      const a = expectAnswer(await ctx.call('POST', '/v1/parents/login', { email, password }), 200);
      check(a.body.token_type === 'Bearer' && a.body.role === 'parent', `token_type ${a.body.token_type}, role ${a.body.role}`);
      if (expectedId) check(a.body.parent_user_id === expectedId, `parent_user_id ${a.body.parent_user_id}, expected ${expectedId}`);
      return { email, id: a.body.parent_user_id as string, token: a.body.access_token as string, password };
    },
    () => 'Bearer token, role parent',
  );
}

/** consent request → the code identity sent → consent verify; fails the step with the hint when the code cannot be read. */
export async function giveConsent(ctx: SmokeContext, label: string, parent: Parent): Promise<void> {
  const requestId = await ctx.step(`${label}: consent request`, async () => {
    const a = expectAnswer(
      await ctx.call('POST', '/v1/parents/consent/request', { parent_user_id: parent.id, method: 'email_plus' }, parent.token),
      202,
    );
    return a.body.consent_request_id as string;
  });
  await ctx.step(
    `${label}: consent verify`,
    async () => {
      const challenge = await ctx.consentCode(parent.email);
      if (!challenge) throw new Error(`no consent code for ${parent.email}: ${ctx.consentHint}`);
      const a = expectAnswer(
        await ctx.call('POST', '/v1/parents/consent/verify', {
          parent_user_id: parent.id,
          method: 'email_plus',
          challenge,
          consent_request_id: requestId,
        }),
        200,
      );
      check(a.body.verified === true, `verified ${a.body.verified}`);
    },
    () => 'verified',
  );
}

/**
 * A parent who has given consent: `SMOKE_PARENT_EMAIL` / `SMOKE_PARENT_PASSWORD` (an account
 * that already consented, for targets whose consent codes go to a real mailbox) or a fresh
 * parent through signup → login → consent.
 */
export async function consentedParent(ctx: SmokeContext, label: string): Promise<Parent> {
  const email = ctx.env.SMOKE_PARENT_EMAIL?.trim();
  const password = ctx.env.SMOKE_PARENT_PASSWORD;
  if (email && password) return login(ctx, `${label} (SMOKE_PARENT_EMAIL)`, email, password);
  const parent = await signUpParent(ctx, label);
  await giveConsent(ctx, label, parent);
  return parent;
}

/** A 6-11 child profile of `parent` named Mika (fox avatar); checks the safe defaults. */
export async function createChild(ctx: SmokeContext, label: string, parent: Parent): Promise<string> {
  return ctx.step(
    `${label}: child profile`,
    async () => {
      const a = expectAnswer(
        await ctx.call(
          'POST',
          '/v1/children/profiles',
          { parent_user_id: parent.id, display_name: 'Mika', age_band: '6-11', avatar: 'fox' },
          parent.token,
        ),
        201,
      );
      check(a.body.safe_defaults === true, 'safe_defaults is not true');
      return a.body.child_profile_id as string;
    },
    (id) => `child ${id}, safe defaults`,
  );
}

/** A bedtime window that does not include the current UTC hour (so playback is allowed now). */
export function bedtimeAwayFromNow(): string {
  const hour = new Date().getUTCHours();
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return `${at(hour + 3)}-${at(hour + 4)}`;
}
