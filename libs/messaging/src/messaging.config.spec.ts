import { ConfigValidationError, loadConfig } from '@mikasmissions/config';
import { messagingConfig } from './messaging.config';
import { resolveMessagingOptions } from './messaging.defaults';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, [messagingConfig]);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigValidationError);
    return (error as ConfigValidationError).problems;
  }
  throw new Error('expected loadConfig to fail');
}

describe('messagingConfig', () => {
  it('coerces the variables and leaves unset ones to the module options', () => {
    const env = loadConfig(
      {
        JWT_SECRET: 's',
        OUTBOX_RELAY_POLL_MS: '200',
        OUTBOX_RELAY_ENABLED: 'FALSE',
        MESSAGING_STREAM_PREFIX: 'ev:',
        MESSAGING_KEY_PREFIX: '',
      },
      [messagingConfig],
    ).slice(messagingConfig);
    expect(env).toEqual({ OUTBOX_RELAY_POLL_MS: 200, OUTBOX_RELAY_ENABLED: false, MESSAGING_STREAM_PREFIX: 'ev:' });
    const resolved = resolveMessagingOptions({ service: 'svc', relay: { pollIntervalMs: 900, maxAttempts: 3 } }, env);
    expect(resolved.relay).toMatchObject({ enabled: false, pollIntervalMs: 200, maxAttempts: 3 });
    expect(resolved).toMatchObject({ streamPrefix: 'ev:', keyPrefix: 'mm:' });
  });

  it('reports bad messaging variables in the same one-pass list as bad core variables', () => {
    expect(
      problemsOf({ USE_FASTIFY: 'sometimes', OUTBOX_RELAY_POLL_MS: 'abc', OUTBOX_RELAY_ENABLED: 'maybe', MESSAGING_MAX_DELIVERIES: '2.5' }),
    ).toEqual([
      'USE_FASTIFY: expected true or false',
      'JWT_SECRET: required unless both JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are set',
      'OUTBOX_RELAY_ENABLED: expected true or false',
      'OUTBOX_RELAY_POLL_MS: expected a positive integer',
      'MESSAGING_MAX_DELIVERIES: expected a positive integer',
    ]);
  });

  it('sets the reconciler window and interval from OUTBOX_PUBLISHED_RETENTION_MS / OUTBOX_RECONCILE_INTERVAL_MS', () => {
    const env = loadConfig({ JWT_SECRET: 's', OUTBOX_PUBLISHED_RETENTION_MS: '600000', OUTBOX_RECONCILE_INTERVAL_MS: '250' }, [
      messagingConfig,
    ]).slice(messagingConfig);
    expect(resolveMessagingOptions({ service: 'svc' }, env).relay).toMatchObject({
      publishedRetentionMs: 600_000,
      reconcileIntervalMs: 250,
    });
    expect(resolveMessagingOptions({ service: 'svc' }, {}).relay).toMatchObject({
      publishedRetentionMs: 3_600_000,
      reconcileIntervalMs: 1_000,
    });
    expect(problemsOf({ JWT_SECRET: 's', OUTBOX_PUBLISHED_RETENTION_MS: '1h' })).toEqual([
      'OUTBOX_PUBLISHED_RETENTION_MS: expected a positive integer',
    ]);
  });

  it('takes MESSAGING_REDIS_URL as the transport Redis and refuses what is not a redis URL', () => {
    const env = loadConfig({ JWT_SECRET: 's', MESSAGING_REDIS_URL: 'redis://127.0.0.1:6379' }, [messagingConfig]).slice(messagingConfig);
    expect(resolveMessagingOptions({ service: 'svc' }, env).transportRedisUrl).toBe('redis://127.0.0.1:6379');
    expect(resolveMessagingOptions({ service: 'svc' }, {}).transportRedisUrl).toBeUndefined();
    expect(problemsOf({ JWT_SECRET: 's', MESSAGING_REDIS_URL: 'http://x' })).toEqual([
      'MESSAGING_REDIS_URL: must be a redis:// or rediss:// URL',
    ]);
  });
});
