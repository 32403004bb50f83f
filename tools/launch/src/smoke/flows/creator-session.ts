import { check, expectAnswer, type Json, poll, type SmokeContext } from '../smoke-client';

/** The dev admin of a memory-mode identity (RUNBOOK.md "Authentication"); `SMOKE_ADMIN_EMAIL` / `SMOKE_ADMIN_PASSWORD` override it. */
export const DEV_ADMIN = { email: 'admin@mikasmissions.local', password: 'mikas-dev-admin-2026' };

/** The admin's bearer token (`POST /v1/admin/login`). */
export async function adminToken(ctx: SmokeContext): Promise<string> {
  const email = ctx.env.SMOKE_ADMIN_EMAIL?.trim() || DEV_ADMIN.email;
  const password = ctx.env.SMOKE_ADMIN_PASSWORD || DEV_ADMIN.password;
  return ctx.step(
    'admin login',
    async () => {
      const a = expectAnswer(await ctx.call('POST', '/v1/admin/login', { email, password }), 200);
      check(a.body.role === 'admin', `role ${a.body.role}`);
      return a.body.access_token as string;
    },
    () => email,
  );
}

/** AuthX's e-mail sign-in: OTP request → the code identity sent (a new one, not `previous`) → verify; the access token and the code used. */
async function signIn(ctx: SmokeContext, email: string, previous?: string): Promise<{ token: string; code: string }> {
  const requested = expectAnswer(await ctx.raw('POST', '/v1/auth/otp/request', { subject: email, channel: 'email' }), 200);
  const code = await poll(
    `a sign-in code for ${email}`,
    async () => (await ctx.consentCode(email)) ?? '',
    (c) => c !== '' && c !== previous,
    10_000,
  ).catch(() => {
    throw new Error(`no sign-in code for ${email}: ${ctx.consentHint}`);
  });
  const verified = expectAnswer(await ctx.raw('POST', '/v1/auth/otp/verify', { ticketId: requested.body.ticketId, code }), 200);
  return { token: verified.body.accessToken as string, code };
}

const claimsOf = (token: string): Json => JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Json;

/**
 * A creator's token through the real routes: a fresh user signs in with an e-mailed code, the
 * admin grants `creator` (`POST /v1/admin/auth/users/{id}/roles`), the user signs in again and
 * the token carries `mm_role: creator`. The stack needs `OTP_COOLDOWN_SEC=0` for the second code.
 */
export async function creatorToken(ctx: SmokeContext, admin: string): Promise<string> {
  const email = `smoke.creator.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;
  const first = await ctx.step(
    'creator: sign-in',
    async () => {
      const signed = await signIn(ctx, email);
      const me = expectAnswer(await ctx.raw('GET', '/v1/me', undefined, signed.token), 200);
      return { ...signed, userId: me.body.userId as string };
    },
    (s) => `user ${s.userId}`,
  );
  await ctx.step(
    'creator: role granted',
    async () => {
      const a = expectAnswer(await ctx.raw('POST', `/v1/admin/auth/users/${first.userId}/roles`, { role: 'creator' }, admin), 201);
      check((a.body.roles as string[]).includes('creator'), `roles ${JSON.stringify(a.body.roles)}`);
    },
    () => 'by the admin',
  );
  return ctx.step(
    'creator: token',
    async () => {
      const { token } = await signIn(ctx, email, first.code);
      check(claimsOf(token).mm_role === 'creator', `mm_role ${claimsOf(token).mm_role}`);
      return token;
    },
    () => 'mm_role creator',
  );
}

/**
 * The admin raises the creator to `trusted` (`PUT /v1/admin/moderation/creators/{creator_id}`),
 * so moderation's policy publishes its clean uploads without the review queue. The creator is the
 * token's subject: a creator's upload names no `uploader_id`, creator-studio fills it from the token.
 */
export async function trustCreator(ctx: SmokeContext, admin: string, creator: string): Promise<string> {
  const id = claimsOf(creator).sub as string;
  return ctx.step(
    'creator: trusted',
    async () => {
      const a = expectAnswer(await ctx.call('PUT', `/v1/admin/moderation/creators/${id}`, { trust_level: 'trusted' }, admin), 200);
      check(a.body.trust_level === 'trusted' && a.body.source === 'admin', `trust ${a.body.trust_level} from ${a.body.source}`);
      return id;
    },
    () => `creator ${id} trusted by the admin`,
  );
}
