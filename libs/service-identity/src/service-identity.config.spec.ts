import { loadConfig } from '@mikasmissions/config';
import { DEV_EDGE_IDENTITY_KEY, resolveIdentitySettings, serviceIdentityConfig } from './service-identity.config';

const KEY = 'k'.repeat(32);
const base = { JWT_SECRET: 's'.repeat(32), NODE_ENV: 'test' };
const settings = (env: Record<string, string>) => resolveIdentitySettings(loadConfig({ ...base, ...env }, [serviceIdentityConfig]));
const strict = { NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', REDIS_URL: 'redis://h' };

describe('service identity config', () => {
  it('defaults to the dev key and a 30 s skew in permissive development/test', () => {
    expect(settings({})).toEqual({ key: DEV_EDGE_IDENTITY_KEY, maxSkewMs: 30_000, mode: 'permissive' });
    expect(settings({ NODE_ENV: 'development', EDGE_IDENTITY_KEY: KEY, EDGE_IDENTITY_MAX_SKEW_MS: '5000' })).toEqual({
      key: KEY,
      maxSkewMs: 5000,
      mode: 'permissive',
    });
  });

  it('requires a real key in production, strict persistence and enforce mode', () => {
    const modes: Record<string, string>[] = [
      strict,
      { PERSISTENCE_MODE: 'strict', DATABASE_URL: 'postgres://h/db', REDIS_URL: 'redis://h' },
      { AUTH_MODE: 'enforce' },
    ];
    for (const env of modes) {
      expect(() => settings(env)).toThrow(/EDGE_IDENTITY_KEY: required in strict\/production mode and with AUTH_MODE=enforce/);
      expect(() => settings({ ...env, EDGE_IDENTITY_KEY: DEV_EDGE_IDENTITY_KEY })).toThrow(/public development key is refused/);
      expect(settings({ ...env, EDGE_IDENTITY_KEY: KEY })).toMatchObject({ key: KEY, mode: 'enforce' });
    }
  });

  it('refuses a short key and a bad skew in the one config pass', () => {
    expect(() => loadConfig({ ...base, EDGE_IDENTITY_KEY: 'short', EDGE_IDENTITY_MAX_SKEW_MS: '-1' }, [serviceIdentityConfig])).toThrow(
      /EDGE_IDENTITY_KEY: must be at least 32 characters[\s\S]*EDGE_IDENTITY_MAX_SKEW_MS: expected a positive integer/,
    );
  });
});
