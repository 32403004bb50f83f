import { ConfigValidationError, loadConfig } from '@mikasmissions/config';
import { OTP_MAX_TTL_SEC, resolveAuthxOptions } from './authx.options';
import { DEFAULT_REBAC_SCHEMA } from './rebac/rebac.schema';

const strictEnv = { NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://h/db', REDIS_URL: 'redis://h:6379' };

describe('AuthX configuration', () => {
  it('AUTH_MODE is permissive by default in development, enforce is forced in strict mode, dev login never there', () => {
    expect(loadConfig({ JWT_SECRET: 's' }).auth).toEqual({ mode: 'permissive', devLogin: false });
    expect(loadConfig({ JWT_SECRET: 's', AUTH_MODE: 'enforce', AUTH_DEV_LOGIN: 'true' }).auth).toEqual({ mode: 'enforce', devLogin: true });
    expect(loadConfig({ ...strictEnv, AUTH_MODE: 'permissive', AUTH_DEV_LOGIN: 'true' }).auth).toEqual({ mode: 'enforce', devLogin: false });
    expect(() => loadConfig({ JWT_SECRET: 's', AUTH_MODE: 'open' })).toThrow(ConfigValidationError);
  });

  it('caps out-of-band code lifetime at 10 minutes whatever is configured', () => {
    expect(resolveAuthxOptions({}, { OTP_TTL_SEC: '3600' }, DEFAULT_REBAC_SCHEMA).otp.ttlSec).toBe(OTP_MAX_TTL_SEC);
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
      resolveAuthxOptions({}, { OTP_MAX_ATTEMPTS: '0', SMTP_URL: 'http://mail', AUTHX_ENCRYPTION_KEY: 'short' }, DEFAULT_REBAC_SCHEMA);
      throw new Error('expected a failure');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      const problems = (error as ConfigValidationError).problems;
      expect(problems).toHaveLength(3);
      expect(problems.join('\n')).toMatch(/OTP_MAX_ATTEMPTS.*\n.*SMTP_URL: expected a smtp:\/\/ or smtps:\/\/ URL\n.*AUTHX_ENCRYPTION_KEY: must be at least 32 characters/s);
    }
  });

  it('trusts AUTHX_TRUSTED_PROXY_HOPS proxies (default 1) only with AUTHX_TRUST_PROXY, and validates the count', () => {
    expect(resolveAuthxOptions({}, {}, DEFAULT_REBAC_SCHEMA).trustedProxyHops).toBe(0);
    expect(resolveAuthxOptions({}, { AUTHX_TRUST_PROXY: 'true' }, DEFAULT_REBAC_SCHEMA).trustedProxyHops).toBe(1);
    expect(resolveAuthxOptions({}, { AUTHX_TRUST_PROXY: 'true', AUTHX_TRUSTED_PROXY_HOPS: '2' }, DEFAULT_REBAC_SCHEMA).trustedProxyHops).toBe(2);
    expect(resolveAuthxOptions({}, { AUTHX_TRUSTED_PROXY_HOPS: '2' }, DEFAULT_REBAC_SCHEMA).trustedProxyHops).toBe(0);
    for (const bad of ['0', '11', 'two']) expect(() => resolveAuthxOptions({}, { AUTHX_TRUST_PROXY: 'true', AUTHX_TRUSTED_PROXY_HOPS: bad }, DEFAULT_REBAC_SCHEMA)).toThrow(/AUTHX_TRUSTED_PROXY_HOPS/);
  });
});
