import { AuthController } from './auth.controller';
import { AUTHX_CONTROLLER_NAMES, authxControllers, type AuthxControllerName } from './authx-controllers';
import { JwksController } from './jwks.controller';

describe('authxControllers', () => {
  it('mounts all six by default, none with false, exactly the named ones with a list', () => {
    expect(authxControllers()).toHaveLength(6);
    expect(authxControllers(true)).toHaveLength(AUTHX_CONTROLLER_NAMES.length);
    expect(authxControllers(false)).toEqual([]);
    expect(authxControllers(['jwks', 'auth', 'jwks'])).toEqual([JwksController, AuthController]);
  });

  it('rejects an unknown name at start-up, naming the valid ones', () => {
    expect(() => authxControllers(['auth', 'sessions' as AuthxControllerName])).toThrow(
      /unknown controller\(s\) sessions; expected some of auth, totp, rebac-admin/,
    );
  });
});
