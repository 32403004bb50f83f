import { edgeAuthOptionsFromEnv } from './edge-auth.env';

describe('edgeAuthOptionsFromEnv', () => {
  it('accepts either secret name and either JWKS name; blank is unset', () => {
    expect(edgeAuthOptionsFromEnv({ JWT_SECRET: 's1' })).toMatchObject({ hsSecret: 's1', jwksUrl: undefined });
    expect(edgeAuthOptionsFromEnv({ AUTH_JWT_SECRET: 's1', JWT_SECRET: 's1' }).hsSecret).toBe('s1');
    expect(edgeAuthOptionsFromEnv({ AUTH_JWT_SECRET: 's1', JWT_SECRET: '' }).hsSecret).toBe('s1');
    expect(edgeAuthOptionsFromEnv({ SUPABASE_JWKS_URL: 'https://x/jwks' }).jwksUrl).toBe('https://x/jwks');
    expect(edgeAuthOptionsFromEnv({ AUTH_JWKS_URL: 'https://a/jwks', AUTH_JWT_ISSUER: 'identity', AUTH_JWT_AUDIENCE: ' ' })).toEqual({
      hsSecret: undefined,
      jwksUrl: 'https://a/jwks',
      issuer: 'identity',
      audience: undefined,
      clockToleranceSec: undefined,
      jwksCooldownMs: undefined,
    });
    expect(edgeAuthOptionsFromEnv({ AUTH_JWT_CLOCK_TOLERANCE_SEC: '10', AUTH_JWKS_COOLDOWN_MS: '5000' })).toMatchObject({
      clockToleranceSec: 10,
      jwksCooldownMs: 5000,
    });
  });

  it('refuses two different secrets or JWKS URLs and bad numbers', () => {
    expect(() => edgeAuthOptionsFromEnv({ AUTH_JWT_SECRET: 'a', JWT_SECRET: 'b' })).toThrow(/same key/);
    expect(() => edgeAuthOptionsFromEnv({ AUTH_JWKS_URL: 'https://a', SUPABASE_JWKS_URL: 'https://b' })).toThrow(/disagree/);
    expect(() => edgeAuthOptionsFromEnv({ AUTH_JWKS_COOLDOWN_MS: '-1' })).toThrow(/AUTH_JWKS_COOLDOWN_MS/);
    expect(() => edgeAuthOptionsFromEnv({ AUTH_JWT_CLOCK_TOLERANCE_SEC: 'soon' })).toThrow(/AUTH_JWT_CLOCK_TOLERANCE_SEC/);
  });
});
