import { SessionService } from '@mikasmissions/authx';
import { createContractValidator } from '@mikasmissions/testing';
import { call, type Caller, parentToken, solve, uid, useFamilyApp } from '../controls-test.helpers';

const contract = createContractValidator();
const claimsOf = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
const CONTROLS = {
  autoplay: true,
  chat_enabled: true,
  external_links: true,
  session_limit_minutes: 180,
  bedtime_window: '23:00-05:00',
  safety_mode: 'balanced',
};

/** Boots identity, makes a parent with a child, and passes a math gate for it. */
function familyApp(stores: 'memory' | 'postgres+redis', authMode: 'enforce' | 'permissive') {
  const ctx = useFamilyApp(stores, { AUTH_MODE: authMode, KIDS_SESSION_TTL_SEC: '14400' });
  const gateToken = async (who: Caller = ctx.asParent, child = ctx.child): Promise<string> => {
    const c = await call(ctx.base, who, 'POST', '/v1/parents/gates/challenge', {
      parent_user_id: ctx.parent,
      child_profile_id: child,
      method: 'math',
    });
    const v = await call(ctx.base, who, 'POST', '/v1/parents/gates/verify', {
      parent_user_id: ctx.parent,
      child_profile_id: child,
      challenge_id: c.body.challenge_id,
      response: solve(c.body.question),
    });
    return v.body.gate_token;
  };
  const openSession = async (who: Caller = ctx.asParent, child = ctx.child, token?: string) => {
    const path = `/v1/children/profiles/${child}/session`;
    const res = await call(ctx.base, who, 'POST', path, { gate_token: token ?? (await gateToken(who, child)) });
    contract.assert({ method: 'POST', path, status: res.status, body: res.body });
    return res;
  };
  return { ctx, gateToken, openSession };
}

describe.each(['memory', 'postgres+redis'] as const)('kids sessions (%s, AUTH_MODE=enforce)', (stores) => {
  const { ctx, gateToken, openSession } = familyApp(stores, 'enforce');

  it('opens a child token after a gate: scoped claims, hours not days, rotating refresh', async () => {
    const before = Date.now();
    const res = await openSession();
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: expect.any(Number),
      refresh_token: expect.any(String),
      child_profile_id: ctx.child,
      role: 'child',
    });
    expect(claimsOf(res.body.access_token)).toMatchObject({
      sub: `child:${ctx.child}`,
      roles: ['child'],
      mm_role: 'child',
      child_profile_id: ctx.child,
      parent_user_id: ctx.parent,
      tenant: 'default',
    });
    const [session] = await ctx.app.get(SessionService).list('default', `child:${ctx.child}`);
    expect(session.expiresAt - before).toBeGreaterThanOrEqual(4 * 3600_000 - 2000);
    expect(session.expiresAt - before).toBeLessThanOrEqual(4 * 3600_000 + 2000);
    const refreshed = await call(ctx.base, null, 'POST', '/v1/auth/refresh', { refreshToken: res.body.refresh_token });
    expect(refreshed.status).toBe(200);
    expect(claimsOf(refreshed.body.accessToken)).toMatchObject({
      mm_role: 'child',
      child_profile_id: ctx.child,
      parent_user_id: ctx.parent,
    });
  });

  it('spends the gate token: a second use, or a token of another child, is 403 invalid_gate_token', async () => {
    const token = await gateToken();
    expect((await openSession(ctx.asParent, ctx.child, token)).status).toBe(201);
    const again = await openSession(ctx.asParent, ctx.child, token);
    expect({ status: again.status, code: again.body.error.code }).toEqual({ status: 403, code: 'invalid_gate_token' });
    const sibling = uid('k');
    ctx.profile.register(ctx.parent, sibling);
    const wrongChild = await openSession(ctx.asParent, sibling, await gateToken());
    expect({ status: wrongChild.status, code: wrongChild.body.error.code }).toEqual({ status: 403, code: 'invalid_gate_token' });
    const missing = await call(ctx.base, ctx.asParent, 'POST', `/v1/children/profiles/${ctx.child}/session`, {});
    expect(missing.body.error.code).toBe('missing_fields');
  });

  it('revokes every session of the child; its tokens stop working at once', async () => {
    const first = await openSession();
    await openSession();
    const path = `/v1/children/profiles/${ctx.child}/session`;
    const res = await call(ctx.base, ctx.asParent, 'DELETE', path);
    contract.assert({ method: 'DELETE', path, status: res.status, body: res.body });
    expect(res.body).toEqual({ child_profile_id: ctx.child, revoked: 2 });
    expect((await call(ctx.base, { bearer: first.body.access_token }, 'GET', '/v1/me')).status).toBe(401);
    expect((await call(ctx.base, null, 'POST', '/v1/auth/refresh', { refreshToken: first.body.refresh_token })).status).toBe(401);
    expect((await call(ctx.base, ctx.asParent, 'DELETE', path)).body.revoked).toBe(0);
  });

  it("lets the service identity revoke a child's sessions (as its owner), 404 for an unknown child", async () => {
    await openSession();
    const path = `/v1/children/profiles/${ctx.child}/session`;
    expect((await call(ctx.base, { role: 'service' }, 'DELETE', path)).body).toEqual({ child_profile_id: ctx.child, revoked: 1 });
    const ghost = `/v1/children/profiles/${uid('ghost')}/session`;
    const res = await call(ctx.base, { role: 'service' }, 'DELETE', ghost);
    expect({ status: res.status, code: res.body.error.code }).toEqual({ status: 404, code: 'child_profile_not_found' });
    contract.assert({ method: 'DELETE', path: ghost, status: res.status, body: res.body });
  });

  it('refuses another parent (child_profile_forbidden) and a child principal (insufficient_role)', async () => {
    const path = `/v1/children/profiles/${ctx.child}/session`;
    const stranger: Caller = { role: 'parent', parentUserId: uid('p') };
    for (const [who, code] of [
      [stranger, 'child_profile_forbidden'],
      [{ role: 'child', childProfileId: ctx.child, parentUserId: ctx.parent }, 'insufficient_role'],
    ] as const) {
      for (const method of ['POST', 'DELETE']) {
        const res = await call(ctx.base, who, method, path, method === 'POST' ? { gate_token: 'gt_x' } : undefined);
        expect({ method, status: res.status, code: res.body.error.code }).toEqual({ method, status: 403, code });
        contract.assert({ method, path, status: res.status, body: res.body });
      }
    }
  });
});

describe.each(['memory', 'postgres+redis'] as const)('a child token, presented as a bearer (%s, AUTH_MODE=permissive)', (stores) => {
  const { ctx, openSession } = familyApp(stores, 'permissive');

  const expect403 = async (who: Caller, method: string, path: string, body: unknown, code: string) => {
    const res = await call(ctx.base, who, method, path, body);
    expect({ method, path, status: res.status, code: res.body?.error?.code }).toEqual({ method, path, status: 403, code });
    if (!path.includes('/internal/')) contract.assert({ method, path, status: res.status, body: res.body });
  };

  it('can never change or read controls, open gates, set a PIN or open sessions — not even for itself', async () => {
    const kid: Caller = { bearer: (await openSession()).body.access_token };
    const own = ctx.child;
    await expect403(kid, 'PUT', `/v1/parents/controls/${own}`, CONTROLS, 'insufficient_role');
    await expect403(kid, 'GET', `/v1/parents/controls/${own}`, undefined, 'insufficient_role');
    await expect403(
      kid,
      'POST',
      '/v1/parents/gates/challenge',
      { parent_user_id: ctx.parent, child_profile_id: own, method: 'math' },
      'insufficient_role',
    );
    await expect403(
      kid,
      'POST',
      '/v1/parents/gates/verify',
      { parent_user_id: ctx.parent, child_profile_id: own, challenge_id: 'c', response: '1' },
      'insufficient_role',
    );
    await expect403(kid, 'PUT', '/v1/parents/pin', { password: 'x', pin: '1234' }, 'insufficient_role');
    await expect403(kid, 'POST', `/v1/children/profiles/${own}/session`, { gate_token: 'gt_x' }, 'insufficient_role');
    await expect403(kid, 'DELETE', `/v1/children/profiles/${own}/session`, undefined, 'insufficient_role');
    const sibling = uid('k');
    ctx.profile.register(ctx.parent, sibling);
    await expect403(kid, 'GET', `/v1/parents/controls/${sibling}`, undefined, 'insufficient_role');
    const controls = await call(ctx.base, ctx.asParent, 'GET', `/v1/parents/controls/${own}`);
    expect(controls.body.controls.autoplay).toBe(false);
  });

  it('a parent bearer token (mm_role claims) acts for its own children only', async () => {
    const bearer: Caller = { bearer: await parentToken(ctx.app, ctx.parent) };
    expect((await call(ctx.base, bearer, 'PUT', `/v1/parents/controls/${ctx.child}`, CONTROLS)).status).toBe(200);
    expect((await call(ctx.base, bearer, 'GET', `/v1/parents/controls/${ctx.child}`)).body.controls).toMatchObject(CONTROLS);
    const stranger: Caller = { bearer: await parentToken(ctx.app, uid('p')) };
    await expect403(stranger, 'GET', `/v1/parents/controls/${ctx.child}`, undefined, 'child_profile_forbidden');
  });

  it('a bearer without the family claims acts as nobody, whatever its AuthX roles say', async () => {
    const plain = await ctx.app.get(SessionService).open({ tenantId: 'default', userId: ctx.parent, roles: ['user', 'service'] });
    await expect403({ bearer: plain.accessToken }, 'GET', `/v1/parents/controls/${ctx.child}`, undefined, 'insufficient_role');
  });
});
