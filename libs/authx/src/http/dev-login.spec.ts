import type { HttpAdapterHost } from '@nestjs/core';
import type { AppConfig } from '@mikasmissions/config';
import type { RequestContext } from '@mikasmissions/context';
import type { ResolvedAuthxOptions } from '../authx.options';
import type { OtpService } from '../otp/otp.service';
import type { RolePrivilege } from '../rbac/role-privilege';
import type { SessionService } from '../sessions/session.service';
import { AuthController } from './auth.controller';
import { isLoopback, listenAddress } from './loopback';

function controller(listening: string | undefined) {
  const open = jest.fn(async () => ({ accessToken: 'a', refreshToken: 'r', sessionId: 's', tokenType: 'Bearer' as const, expiresIn: 60 }));
  const server = { address: () => (listening === undefined ? null : { address: listening, family: 'IPv4', port: 1 }) };
  const auth = new AuthController(
    {} as OtpService,
    { open } as unknown as SessionService,
    { tenantId: 'default' } as RequestContext,
    { auth: { mode: 'enforce', devLogin: true } } as AppConfig,
    { defaultRoles: ['user'] } as ResolvedAuthxOptions,
    { refresh: async () => undefined, isPrivileged: (role: string) => role === 'admin' } as unknown as RolePrivilege,
    { httpAdapter: { getHttpServer: () => server } } as unknown as HttpAdapterHost,
  );
  return { auth, open };
}

const from = (remoteAddress: string) => ({ headers: {}, socket: { remoteAddress } });
const outcome = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { status: number; code: string }) => `${e.status} ${e.code}`,
  );

describe('dev login (POST /auth/login)', () => {
  it('runs only on a process that listens on loopback, whoever calls', async () => {
    expect(await outcome(controller('127.0.0.1').auth.login({ userId: 'u' }, from('127.0.0.1')))).toBe('ok');
    expect(await outcome(controller('::1').auth.login({ userId: 'u' }, from('::1')))).toBe('ok');
    for (const bound of ['0.0.0.0', '::', '10.0.0.5']) {
      expect(await outcome(controller(bound).auth.login({ userId: 'u' }, from('127.0.0.1')))).toBe('403 dev_login_not_loopback');
    }
  });

  it('without a known listen address, answers loopback callers only', async () => {
    expect(await outcome(controller(undefined).auth.login({ userId: 'u' }, from('::ffff:127.0.0.1')))).toBe('ok');
    expect(await outcome(controller(undefined).auth.login({ userId: 'u' }, from('203.0.113.9')))).toBe('403 dev_login_not_loopback');
  });

  it('refuses privileged roles and drops privileged assigned ones', async () => {
    const { auth, open } = controller('127.0.0.1');
    expect(await outcome(auth.login({ userId: 'u', roles: ['admin'] }, from('127.0.0.1')))).toBe('403 dev_login_role_forbidden');
    expect(open).not.toHaveBeenCalled();
    await auth.login({ userId: 'u', roles: ['viewer'] }, from('127.0.0.1'));
    const [subject, { keepAssigned }] = open.mock.calls[0] as unknown as [{ roles: string[] }, { keepAssigned: (r: string) => boolean }];
    expect(subject.roles).toEqual(['user', 'viewer']);
    expect([keepAssigned('admin'), keepAssigned('parent')]).toEqual([false, true]);
  });
});

describe('isLoopback / listenAddress', () => {
  it('knows loopback addresses and reads a listening server', () => {
    expect(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '10.0.0.1', '::ffff:10.0.0.1', 'localhost', '', undefined].map(isLoopback)).toEqual(Array(7).fill(false));
    expect(listenAddress({ address: () => ({ address: '0.0.0.0', port: 1 }) })).toBe('0.0.0.0');
    expect(listenAddress({ address: () => '/tmp/sock' })).toBeUndefined();
    expect(listenAddress(undefined)).toBeUndefined();
  });
});
