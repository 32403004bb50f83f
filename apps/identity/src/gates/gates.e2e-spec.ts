import { AuditLog } from '@mikasmissions/authx';
import { createContractValidator } from '@mikasmissions/testing';
import { call, type Caller, givePassword, solve, uid, useFamilyApp } from '../controls-test.helpers';
import { shiftClock } from '../identity-test.helpers';

const contract = createContractValidator();
const PASSWORD = 'correct horse battery staple';

describe.each(['memory', 'postgres+redis'] as const)('parent gates (%s, AUTH_MODE=enforce)', (stores) => {
  const t = useFamilyApp(stores);
  afterEach(() => jest.useRealTimers());
  beforeEach(() => givePassword(t.app, t.parent, PASSWORD));

  async function answer(caller: Caller | null, method: string, path: string, body: unknown, status: number, code?: string) {
    const res = await call(t.base, caller, method, path, body);
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
    if (path.startsWith('/v1/parents')) contract.assert({ method, path, status: res.status, body: res.body });
    return res;
  }
  const challenge = (method: string, who: Caller = t.asParent, status = 201, code?: string, body: Record<string, unknown> = {}) =>
    answer(
      who,
      'POST',
      '/v1/parents/gates/challenge',
      { parent_user_id: t.parent, child_profile_id: t.child, method, ...body },
      status,
      code,
    );
  const verify = (challenge_id: string, response: string, status = 200, code?: string) =>
    answer(
      t.asParent,
      'POST',
      '/v1/parents/gates/verify',
      { parent_user_id: t.parent, child_profile_id: t.child, challenge_id, response },
      status,
      code,
    );
  const consume = (gate_token: string, child_profile_id = t.child) =>
    call(t.base, { role: 'service' }, 'POST', '/internal/gates/consume', { child_profile_id, gate_token });

  it('math gate: the right answer gives a gate token, a replay is refused', async () => {
    const { body } = await challenge('math');
    expect(body).toEqual({
      challenge_id: expect.any(String),
      method: 'math',
      expires_at: expect.any(String),
      question: expect.stringMatching(/^What is \d+ × \d+ \+ \d+\?$/),
    });
    expect(Date.parse(body.expires_at) - Date.now()).toBeGreaterThan(290_000);
    const ok = await verify(body.challenge_id, solve(body.question));
    expect(ok.body).toEqual({ verified: true, gate_token: expect.stringMatching(/^gt_/) });
    await verify(body.challenge_id, solve(body.question), 403, 'invalid_or_replayed_challenge');
  });

  it('a wrong answer is refused and uses the challenge up', async () => {
    const { body } = await challenge('math');
    await verify(body.challenge_id, String(Number(solve(body.question)) + 1), 403, 'invalid_or_replayed_challenge');
    await verify(body.challenge_id, solve(body.question), 403, 'invalid_or_replayed_challenge');
  });

  it('a challenge expires after 5 minutes', async () => {
    const { body } = await challenge('math');
    shiftClock(5 * 60_000 + 1000);
    await verify(body.challenge_id, solve(body.question), 403, 'invalid_or_replayed_challenge');
  });

  it('PIN gate: set with a password re-check (argon2id), then answered with the PIN', async () => {
    await challenge('pin', t.asParent, 422, 'pin_not_set');
    await answer(t.asParent, 'PUT', '/v1/parents/pin', { password: 'not my password', pin: '4321' }, 403, 'invalid_credentials');
    for (const pin of ['123', '1234567', '12a4', ''])
      await answer(t.asParent, 'PUT', '/v1/parents/pin', { password: PASSWORD, pin }, 400, pin === '' ? 'missing_fields' : 'invalid_pin');
    await answer(t.asParent, 'PUT', '/v1/parents/pin', { pin: '4321' }, 400, 'missing_fields');
    const set = await answer(t.asParent, 'PUT', '/v1/parents/pin', { password: PASSWORD, pin: '4321' }, 200);
    expect(set.body).toEqual({ pin_set: true, updated_at: expect.any(String) });
    const wrong = await challenge('pin');
    expect(wrong.body.question).toBeUndefined();
    await verify(wrong.body.challenge_id, '1234', 403, 'invalid_or_replayed_challenge');
    const right = await challenge('pin');
    expect((await verify(right.body.challenge_id, '4321')).body.verified).toBe(true);
  });

  it("5 wrong answers lock the parent's gates for 15 minutes (audited), with Retry-After", async () => {
    for (let i = 0; i < 5; i++) {
      const { body } = await challenge('math');
      await verify(body.challenge_id, 'wrong', 403, 'invalid_or_replayed_challenge');
    }
    const locked = await challenge('math', t.asParent, 403, 'gate_locked');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    const entries = await t.app.get(AuditLog).query({ tenantId: 'default', principal: t.parent, limit: 50 });
    expect(entries.filter((e) => e.action === 'gate.locked' && e.decision === 'deny')).toHaveLength(1);
    expect(entries.filter((e) => e.action === 'gate.verify:math' && e.reason === 'wrong_answer')).toHaveLength(5);
    shiftClock(15 * 60_000 + 1000);
    const { body } = await challenge('math');
    expect((await verify(body.challenge_id, solve(body.question))).body.verified).toBe(true);
  });

  it('wrong passwords on the PIN re-check count toward the lockout', async () => {
    for (let i = 0; i < 5; i++)
      await answer(t.asParent, 'PUT', '/v1/parents/pin', { password: `guess-${i}`, pin: '1111' }, 403, 'invalid_credentials');
    await answer(t.asParent, 'PUT', '/v1/parents/pin', { password: PASSWORD, pin: '1111' }, 403, 'gate_locked');
    await challenge('math', t.asParent, 403, 'gate_locked');
  });

  it('a gate token works once, only for its child, only for 5 minutes (POST /internal/gates/consume)', async () => {
    const tokenFor = async () => {
      const { body } = await challenge('math');
      return (await verify(body.challenge_id, solve(body.question))).body.gate_token as string;
    };
    const token = await tokenFor();
    expect(await consume(token, uid('k'))).toMatchObject({ status: 200, body: { consumed: false } });
    expect(await consume(token)).toMatchObject({ status: 200, body: { consumed: true } });
    expect(await consume(token)).toMatchObject({ status: 200, body: { consumed: false } });
    expect(await consume('gt_made-up')).toMatchObject({ status: 200, body: { consumed: false } });
    const old = await tokenFor();
    shiftClock(5 * 60_000 + 1000);
    expect((await consume(old)).body).toEqual({ consumed: false });
  });

  it('consume is for the service identity only', async () => {
    expect((await call(t.base, t.asParent, 'POST', '/internal/gates/consume', { child_profile_id: t.child, gate_token: 'x' })).status).toBe(
      403,
    );
    expect((await call(t.base, null, 'POST', '/internal/gates/consume', { child_profile_id: t.child, gate_token: 'x' })).status).toBe(401);
    expect((await consume('')).body.error.code).toBe('missing_fields');
  });

  it('validates the challenge body', async () => {
    await challenge('voice', t.asParent, 400, 'invalid_gate_method');
    await answer(t.asParent, 'POST', '/v1/parents/gates/challenge', { parent_user_id: t.parent, method: 'math' }, 400, 'missing_fields');
    await answer(
      t.asParent,
      'POST',
      '/v1/parents/gates/verify',
      { parent_user_id: t.parent, child_profile_id: t.child, challenge_id: 'x' },
      400,
      'missing_fields',
    );
    await answer(t.asParent, 'POST', '/v1/parents/gates/challenge', '{"method":', 400, 'malformed_json');
  });

  it("refuses another parent's child (child_profile_forbidden) and another parent's id (parent_mismatch)", async () => {
    const stranger: Caller = { role: 'parent', parentUserId: uid('p') };
    await answer(
      stranger,
      'POST',
      '/v1/parents/gates/challenge',
      { parent_user_id: (stranger as { parentUserId: string }).parentUserId, child_profile_id: t.child, method: 'math' },
      403,
      'child_profile_forbidden',
    );
    await challenge('math', stranger, 403, 'parent_mismatch');
    const { body } = await challenge('math');
    await answer(
      stranger,
      'POST',
      '/v1/parents/gates/verify',
      {
        parent_user_id: (stranger as { parentUserId: string }).parentUserId,
        child_profile_id: t.child,
        challenge_id: body.challenge_id,
        response: solve(body.question),
      },
      403,
      'child_profile_forbidden',
    );
  });

  it('a child can neither open, answer nor set a gate (403 insufficient_role)', async () => {
    const kid: Caller = { role: 'child', childProfileId: t.child, parentUserId: t.parent };
    await challenge('math', kid, 403, 'insufficient_role');
    await answer(
      kid,
      'POST',
      '/v1/parents/gates/verify',
      { parent_user_id: t.parent, child_profile_id: t.child, challenge_id: 'c', response: '1' },
      403,
      'insufficient_role',
    );
    await answer(kid, 'PUT', '/v1/parents/pin', { password: PASSWORD, pin: '1234' }, 403, 'insufficient_role');
  });

  it('lets the service identity open a gate for a parent and child it names (ownership still checked)', async () => {
    const { body } = await answer(
      { role: 'service' },
      'POST',
      '/v1/parents/gates/challenge',
      { parent_user_id: t.parent, child_profile_id: t.child, method: 'math' },
      201,
    );
    expect((await verify(body.challenge_id, solve(body.question))).body.verified).toBe(true);
    await answer(
      { role: 'service' },
      'POST',
      '/v1/parents/gates/challenge',
      { parent_user_id: uid('p'), child_profile_id: t.child, method: 'math' },
      403,
      'child_profile_forbidden',
    );
  });
});
