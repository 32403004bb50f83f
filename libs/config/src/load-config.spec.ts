import { generateKeyPairSync } from 'node:crypto';
import { ConfigValidationError } from './config.errors';
import { loadConfig, resolvePort } from './load-config';

const base = { JWT_SECRET: 'devsecret' };

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
  throw new Error('expected loadConfig to fail');
}

describe('loadConfig', () => {
  it('defaults to memory persistence in development', () => {
    const config = loadConfig(base);
    expect(config.nodeEnv).toBe('development');
    expect(config.persistence).toEqual({ mode: 'auto', strict: false, databaseUrl: undefined, redisUrl: undefined });
    expect(config.http).toEqual({ useFastify: false, bodyLimitBytes: 1_048_576, shutdownTimeoutMs: 10_000, host: '0.0.0.0' });
    expect(config.jwt).toMatchObject({ kind: 'secret', secret: 'devsecret' });
  });

  it('requires JWT_SECRET or the PEM pair, in one clear line', () => {
    expect(problemsOf({})).toEqual(['JWT_SECRET: required unless both JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are set']);
    expect(problemsOf({ JWT_SECRET: '' })).toEqual(['JWT_SECRET: required unless both JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are set']);
  });

  it('accepts a PEM pair instead of JWT_SECRET, also with escaped newlines', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const priv = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const config = loadConfig({ JWT_PRIVATE_KEY_PEM: priv.replace(/\n/g, '\\n'), JWT_PUBLIC_KEY_PEM: pub });
    expect(config.jwt.kind).toBe('pem');
    if (config.jwt.kind === 'pem') expect(config.jwt.privateKeyPem).toContain('\n');
  });

  it('rejects half a PEM pair and keys that are not PEM', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const pub = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(problemsOf({ JWT_PUBLIC_KEY_PEM: pub })).toEqual(['JWT_PRIVATE_KEY_PEM: required together with JWT_PUBLIC_KEY_PEM']);
    expect(problemsOf({ JWT_PRIVATE_KEY_PEM: 'not a key', JWT_PUBLIC_KEY_PEM: pub })).toEqual([
      'JWT_PRIVATE_KEY_PEM: expected a PEM-encoded private key',
    ]);
  });

  it('names every bad variable at once, never echoing its value', () => {
    const problems = problemsOf({
      ...base,
      DATABASE_URL: 'mysql://secret-password@db/x',
      REDIS_URL: 'nope',
      USE_FASTIFY: 'yes',
      NODE_ENV: 'staging',
      HTTP_BODY_LIMIT_BYTES: '-1',
      FLAG_CACHE_SWR: 'maybe',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL: expected a Postgres URL (postgres:// or postgresql://)',
        'REDIS_URL: expected a Redis URL (redis:// or rediss://)',
        'USE_FASTIFY: expected true or false',
        'FLAG_CACHE_SWR: expected true or false',
      ]),
    );
    expect(problems.find((p) => p.startsWith('NODE_ENV:'))).toMatch(/development.*test.*production/);
    expect(problems.find((p) => p.startsWith('HTTP_BODY_LIMIT_BYTES:'))).toBeDefined();
    expect(problems).toHaveLength(6);
    expect(problems.join('\n')).not.toContain('secret-password');
  });

  it('refuses strict mode without both stores', () => {
    expect(problemsOf({ JWT_SECRET: 'y'.repeat(32), PERSISTENCE_MODE: 'strict' })).toEqual([
      'DATABASE_URL: required in strict persistence mode (NODE_ENV=production, GO_ENV=production|prod or PERSISTENCE_MODE=strict|required)',
      'REDIS_URL (or REDIS_CLUSTER_NODES): required in strict persistence mode (NODE_ENV=production, GO_ENV=production|prod or PERSISTENCE_MODE=strict|required)',
    ]);
    const prod = problemsOf({ JWT_SECRET: 'x'.repeat(40), NODE_ENV: 'production', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(prod).toEqual([
      'DATABASE_URL: required in strict persistence mode (NODE_ENV=production, GO_ENV=production|prod or PERSISTENCE_MODE=strict|required)',
    ]);
  });

  it("accepts seed 000's spellings: GO_ENV=production|prod and PERSISTENCE_MODE=required", () => {
    const stores = { DATABASE_URL: 'postgres://h/db', REDIS_URL: 'redis://h:6379', JWT_SECRET: 'z'.repeat(32) };
    for (const env of [{ GO_ENV: 'production' }, { GO_ENV: 'prod' }, { PERSISTENCE_MODE: 'required' }]) {
      const config = loadConfig({ ...stores, ...env });
      expect(config.persistence).toMatchObject({ mode: 'strict', strict: true });
      expect(config.auth.mode).toBe('enforce');
      expect(problemsOf({ JWT_SECRET: 'z'.repeat(32), ...env })).toHaveLength(2);
    }
    expect(loadConfig({ ...base, GO_ENV: 'dev' }).persistence.strict).toBe(false);
    expect(problemsOf({ ...base, GO_ENV: 'staging' })[0]).toMatch(/^GO_ENV: .*production.*prod/);
  });

  it('requires a long JWT_SECRET in production', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', REDIS_URL: 'redis://h:6379' };
    expect(problemsOf({ ...env, JWT_SECRET: 'short' })).toEqual(['JWT_SECRET: must be at least 32 characters in strict/production mode']);
    expect(loadConfig({ ...env, JWT_SECRET: 'x'.repeat(32) }).persistence.strict).toBe(true);
  });

  it('selects stores from the URLs, and memory mode ignores them', () => {
    const urls = { ...base, DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/x', REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(loadConfig(urls).persistence).toMatchObject({ mode: 'auto', databaseUrl: urls.DATABASE_URL, redisUrl: urls.REDIS_URL });
    expect(loadConfig({ ...urls, PERSISTENCE_MODE: 'memory' }).persistence).toMatchObject({ databaseUrl: undefined, redisUrl: undefined });
  });

  it('selects Redis Cluster mode from REDIS_CLUSTER_NODES; REDIS_URL then lends credentials, else the first node stands in', () => {
    const nodes = { ...base, REDIS_CLUSTER_NODES: '10.0.0.1:6379, 10.0.0.2:6380' };
    expect(loadConfig(nodes).persistence).toMatchObject({
      redisUrl: 'redis://10.0.0.1:6379',
      redisClusterNodes: ['10.0.0.1:6379', '10.0.0.2:6380'],
    });
    expect(loadConfig({ ...nodes, REDIS_URL: 'redis://:pw@10.0.0.1:6379' }).persistence.redisUrl).toBe('redis://:pw@10.0.0.1:6379');
    expect(loadConfig({ ...nodes, PERSISTENCE_MODE: 'memory' }).persistence).toMatchObject({
      redisUrl: undefined,
      redisClusterNodes: undefined,
    });
    expect(problemsOf({ ...base, REDIS_CLUSTER_NODES: '10.0.0.1' })).toEqual(['REDIS_CLUSTER_NODES: expected host:port,host:port']);
    const strict = { NODE_ENV: 'production', DATABASE_URL: 'postgres://h/db', JWT_SECRET: 'x'.repeat(32) };
    expect(loadConfig({ ...strict, REDIS_CLUSTER_NODES: 'h1:6379,h2:6379' }).persistence.strict).toBe(true);
  });

  it('parses FLAG_<NAME> values', () => {
    const config = loadConfig({ ...base, FLAG_CACHE_SWR: 'true', FLAG_RESILIENCE: 'FALSE', FLAG_CHAOS: '1' });
    expect(config.flags).toEqual({ CACHE_SWR: true, RESILIENCE: false, CHAOS: true });
    expect(problemsOf({ ...base, 'FLAG_bad-name': 'true' })).toEqual(['FLAG_bad-name: flag names use A-Z, 0-9 and _ only']);
  });
});

describe('resolvePort', () => {
  it('prefers <APP>_PORT, then PORT, then the default', () => {
    expect(resolvePort({}, 'creator-studio', 8087)).toBe(8087);
    expect(resolvePort({ PORT: '9000' }, 'creator-studio', 8087)).toBe(9000);
    expect(resolvePort({ PORT: '9000', CREATOR_STUDIO_PORT: '9100' }, 'creator-studio', 8087)).toBe(9100);
  });

  it('rejects a port that is not one', () => {
    expect(() => resolvePort({ ANALYTICS_PORT: '70000' }, 'analytics', 3003)).toThrow('ANALYTICS_PORT: expected a port number 0-65535');
  });
});

describe('loadConfig reports everything in one pass', () => {
  it('lists format and cross-variable problems together', () => {
    const problems = problemsOf({ NODE_ENV: 'production', LOG_LEVEL: 'verbose', JWT_SECRET: 'short' });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^LOG_LEVEL: /),
        'JWT_SECRET: must be at least 32 characters in strict/production mode',
        'DATABASE_URL: required in strict persistence mode (NODE_ENV=production, GO_ENV=production|prod or PERSISTENCE_MODE=strict|required)',
        'REDIS_URL (or REDIS_CLUSTER_NODES): required in strict persistence mode (NODE_ENV=production, GO_ENV=production|prod or PERSISTENCE_MODE=strict|required)',
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it('treats empty values (X= in an env file) as unset, so defaults apply', () => {
    const config = loadConfig({ ...base, HTTP_BODY_LIMIT_BYTES: '', OTEL_SERVICE_NAME: '', DATABASE_URL: ' ', JWT_ISSUER: '' });
    expect(config.http.bodyLimitBytes).toBe(1_048_576);
    expect(config.otel.serviceName).toBeUndefined();
    expect(config.persistence.databaseUrl).toBeUndefined();
    expect(config.jwt.issuer).toBeUndefined();
  });
});
