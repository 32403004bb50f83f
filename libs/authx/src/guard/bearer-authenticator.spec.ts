import type { AppConfig } from '@mikasmissions/config';
import type { AuditService } from '../audit/audit.service';
import type { SessionService, SessionState } from '../sessions/session.service';
import { JwtCodec } from '../tokens/jwt-codec';
import { BearerAuthenticator } from './bearer-authenticator';

const codec = new JwtCodec({ kind: 'secret', secret: 'bearer-authenticator-spec-secret-0123456789' });
const claims = { sub: 'u1', tenant: 'default', roles: ['user'], sid: 's1', jti: 'j1' };

function setup(mode: 'enforce' | 'permissive', state: () => Promise<SessionState> = async () => 'live') {
  const record = jest.fn(async () => undefined);
  const bearer = new BearerAuthenticator(
    codec,
    { state } as unknown as SessionService,
    { record } as unknown as AuditService,
    { auth: { mode } } as AppConfig,
  );
  const reasons = () => record.mock.calls.map((call) => (call as unknown as [{ reason: string }])[0].reason);
  return { bearer, reasons };
}

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { status: number; code: string }) => `${e.status} ${e.code}`,
  );

describe('BearerAuthenticator', () => {
  it('returns the principal of a valid token with a live session', async () => {
    const { bearer, reasons } = setup('enforce');
    const principal = await bearer.authenticate(`Bearer ${await codec.sign(claims, 60)}`);
    expect(principal).toMatchObject({ userId: 'u1', tenantId: 'default', roles: ['user'], sessionId: 's1', claims: { jti: 'j1' } });
    expect(reasons()).toEqual([]);
  });

  it('verifies a token once, but checks its session for revocation on every request', async () => {
    let state: SessionState = 'live';
    const { bearer, reasons } = setup('enforce', async () => state);
    const header = `Bearer ${await codec.sign(claims, 60)}`;
    const verify = jest.spyOn(codec, 'verify');
    try {
      const first = await bearer.authenticate(header);
      const second = await bearer.authenticate(header);
      expect(second).toEqual(first);
      expect(second?.roles).not.toBe(first?.roles);
      expect(verify).toHaveBeenCalledTimes(1);
      state = 'revoked';
      expect(await rejection(bearer.authenticate(header))).toBe('401 session_revoked');
      state = 'unknown';
      expect(await rejection(bearer.authenticate(header))).toBe('401 session_unknown');
      expect(reasons()).toEqual(['session_revoked', 'session_unknown']);
    } finally {
      verify.mockRestore();
    }
  });

  it('accepts the scheme in any case', async () => {
    const { bearer } = setup('enforce');
    expect(await bearer.authenticate(`bearer ${await codec.sign(claims, 60)}`)).toMatchObject({ userId: 'u1' });
  });

  it('without a header: anonymous (null) in permissive mode, 401 token_missing audited in enforce mode', async () => {
    expect(await setup('permissive').bearer.authenticate(undefined)).toBeNull();
    const { bearer, reasons } = setup('enforce');
    expect(await rejection(bearer.authenticate(undefined))).toBe('401 unauthenticated');
    expect(reasons()).toEqual(['token_missing']);
  });

  it('a header that is not "Bearer <token>" is 401 token_invalid, even in permissive mode', async () => {
    const { bearer, reasons } = setup('permissive');
    expect(await rejection(bearer.authenticate('Basic dTpw'))).toBe('401 token_invalid');
    expect(await rejection(bearer.authenticate('Bearer '))).toBe('401 token_invalid');
    expect(await rejection(bearer.authenticate('Bearer not.a.token'))).toBe('401 token_invalid');
    expect(reasons()).toEqual(['token_invalid', 'token_invalid', 'token_invalid']);
  });

  it('passes the codec reason on (token_expired)', async () => {
    const { bearer, reasons } = setup('enforce');
    const expired = await codec.sign(claims, 60, Date.now() - 120_000);
    expect(await rejection(bearer.authenticate(`Bearer ${expired}`))).toBe('401 token_expired');
    expect(reasons()).toEqual(['token_expired']);
  });

  it('a revoked session is 401 session_revoked', async () => {
    const { bearer, reasons } = setup('enforce', async () => 'revoked');
    expect(await rejection(bearer.authenticate(`Bearer ${await codec.sign(claims, 60)}`))).toBe('401 session_revoked');
    expect(reasons()).toEqual(['session_revoked']);
  });

  it('fails closed: a valid signature naming a session the store never saw is 401 session_unknown, in every mode', async () => {
    for (const mode of ['permissive', 'enforce'] as const) {
      const { bearer, reasons } = setup(mode, async () => 'unknown');
      expect(await rejection(bearer.authenticate(`Bearer ${await codec.sign({ ...claims, sid: 'made-up' }, 60)}`))).toBe(
        '401 session_unknown',
      );
      expect(reasons()).toEqual(['session_unknown']);
    }
  });

  it('an admin route needs a token in permissive mode too (401 token_missing)', async () => {
    const { bearer, reasons } = setup('permissive');
    expect(await rejection(bearer.authenticate(undefined, { required: true }))).toBe('401 unauthenticated');
    expect(reasons()).toEqual(['token_missing']);
  });

  it('a failing session store is 503 auth_unavailable with Retry-After, not audited as a denial', async () => {
    const { bearer, reasons } = setup('enforce', async () => {
      throw new Error('connection refused');
    });
    const error = await bearer.authenticate(`Bearer ${await codec.sign(claims, 60)}`).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 503, code: 'auth_unavailable', headers: { 'retry-after': '1' } });
    expect(reasons()).toEqual([]);
  });
});
