import { ConfigValidationError, loadConfig } from '@mikasmissions/config';
import { authxConfig } from './authx.config';
import { OTP_MAX_TTL_SEC, resolveAuthxOptions } from './authx.options';
import { DEFAULT_REBAC_SCHEMA } from './rebac/rebac.schema';

/** The AuthX slice of one `loadConfig` pass over `env` (plus a JWT secret). */
const authxEnv = (env: Record<string, string>) => loadConfig({ JWT_SECRET: 's', ...env }, [authxConfig]).slice(authxConfig);

const strictEnv = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://h/db', REDIS_URL: 'redis://h:6379' };

describe('AuthX configuration', () => {
  it('AUTH_MODE is permissive by default in development, enforce is forced in strict mode, dev login never there', () => {
    expect(loadConfig({ JWT_SECRET: 's' }).auth).toEqual({ mode: 'permissive', devLogin: false });
    expect(loadConfig({ JWT_SECRET: 's', AUTH_MODE: 'enforce', AUTH_DEV_LOGIN: 'true' }).auth).toEqual({ mode: 'enforce', devLogin: true });
    expect(loadConfig({ ...strictEnv, AUTH_MODE: 'permissive', AUTH_DEV_LOGIN: 'true' }).auth).toEqual({
      mode: 'enforce',
      devLogin: false,
    });
    expect(() => loadConfig({ JWT_SECRET: 's', AUTH_MODE: 'open' })).toThrow(ConfigValidationError);
  });

  it('caps out-of-band code lifetime at 10 minutes whatever is configured', () => {
    expect(resolveAuthxOptions({}, authxEnv({ OTP_TTL_SEC: '3600' }), DEFAULT_REBAC_SCHEMA).otp.ttlSec).toBe(OTP_MAX_TTL_SEC);
    expect(resolveAuthxOptions({ otp: { ttlSec: 86_400 } }, {}, DEFAULT_REBAC_SCHEMA).otp.ttlSec).toBe(600);
    expect(resolveAuthxOptions({}, {}, DEFAULT_REBAC_SCHEMA).otp).toMatchObject({ ttlSec: 300, maxAttempts: 5, cooldownSec: 30 });
  });

  it('puts the Postgres tables in schema identity unless the service names its own, which must be an identifier', () => {
    expect(resolveAuthxOptions({}, {}, DEFAULT_REBAC_SCHEMA).schema).toBe('identity');
    expect(resolveAuthxOptions({ schema: 'kids_auth' }, {}, DEFAULT_REBAC_SCHEMA).schema).toBe('kids_auth');
    expect(() => resolveAuthxOptions({ schema: 'identity; drop' }, {}, DEFAULT_REBAC_SCHEMA)).toThrow(ConfigValidationError);
  });

  it('names bad AuthX variables in one clear line each', () => {
    try {
      authxEnv({ OTP_MAX_ATTEMPTS: '0', SMTP_URL: 'http://mail', AUTHX_ENCRYPTION_KEY: 'short' });
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const problems = (error as ConfigValidationError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(
        /OTP_MAX_ATTEMPTS.*\n.*SMTP_URL: expected a smtp:\/\/ or smtps:\/\/ URL\n.*AUTHX_ENCRYPTION_KEY: must be at least 32 characters/s,
      );
    }
  });

  it('reports bad AuthX variables in the same one-pass list as bad core variables', () => {
    try {
      loadConfig({ REDIS_URL: 'nope', OTP_TTL_SEC: '0', AUTHX_TRUST_PROXY: 'yes' }, [authxConfig]);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const problems = (error as ConfigValidationError).problems;
      expect(problems).toEqual([
        'REDIS_URL: expected a Redis URL (redis:// or rediss://)',
        'JWT_SECRET: required unless both JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are set',
        expect.stringMatching(/^OTP_TTL_SEC: /),
        'AUTHX_TRUST_PROXY: expected true or false',
      ]);
    }
  });

  it('reads OTP_SENDER and the delivery variables from its slice, empty values as unset', () => {
    const e = authxEnv({ OTP_SENDER: 'capture', SMTP_URL: '', OTP_EMAIL_FROM: '' });
    expect(e.OTP_SENDER).toBe('capture');
    expect(resolveAuthxOptions({}, e, DEFAULT_REBAC_SCHEMA).delivery).toEqual({
      emailFrom: 'MikasMissions <no-reply@mikasmissions.local>',
    });
  });

  it('trusts AUTHX_TRUSTED_PROXY_HOPS proxies (default 1) only with AUTHX_TRUST_PROXY, and validates the count', () => {
    expect(resolveAuthxOptions({}, authxEnv({}), DEFAULT_REBAC_SCHEMA).trustedProxyHops).toBe(0);
    expect(resolveAuthxOptions({}, authxEnv({ AUTHX_TRUST_PROXY: 'true' }), DEFAULT_REBAC_SCHEMA).trustedProxyHops).toBe(1);
    expect(
      resolveAuthxOptions({}, authxEnv({ AUTHX_TRUST_PROXY: 'true', AUTHX_TRUSTED_PROXY_HOPS: '2' }), DEFAULT_REBAC_SCHEMA)
        .trustedProxyHops,
    ).toBe(2);
    expect(resolveAuthxOptions({}, authxEnv({ AUTHX_TRUSTED_PROXY_HOPS: '2' }), DEFAULT_REBAC_SCHEMA).trustedProxyHops).toBe(0);
    for (const bad of ['0', '11', 'two'])
      expect(() => authxEnv({ AUTHX_TRUST_PROXY: 'true', AUTHX_TRUSTED_PROXY_HOPS: bad })).toThrow(/AUTHX_TRUSTED_PROXY_HOPS/);
  });
});
