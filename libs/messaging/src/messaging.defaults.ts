import { hostname } from 'node:os';
import { PLATFORM_EVENT_CONTRACTS } from '@mikasmissions/contracts-events';
import type { MessagingEnv } from './messaging.config';
import { MessagingConfigError } from './messaging.errors';
import type { MessagingModuleOptions, ResolvedMessagingOptions } from './messaging.options';

const positive = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0) throw new MessagingConfigError(`${name} must be a positive number (got ${value})`);
  return value;
};

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Applies defaults to {@link MessagingModuleOptions}, then the validated environment
 * overrides (the `messagingConfig` slice: `MESSAGING_STREAM_PREFIX`, `OUTBOX_RELAY_POLL_MS`,
 * …), and rejects bad option values at start-up.
 */
export function resolveMessagingOptions(options: MessagingModuleOptions, env: MessagingEnv = {}): ResolvedMessagingOptions {
  if (!options.service || !/^[a-z][a-z0-9_-]{0,62}$/.test(options.service)) {
    throw new MessagingConfigError(`service must be a lowercase name (got "${options.service}")`);
  }
  const relay = {
    enabled: true,
    batchSize: 200,
    pollIntervalMs: 500,
    maxAttempts: 8,
    backoffBaseMs: 500,
    backoffMaxMs: 60_000,
    leaseMs: 30_000,
    publishedRetentionMs: 3_600_000,
    reconcileIntervalMs: 1_000,
    ...options.relay,
    ...defined({
      enabled: env.OUTBOX_RELAY_ENABLED,
      pollIntervalMs: env.OUTBOX_RELAY_POLL_MS,
      maxAttempts: env.OUTBOX_RELAY_MAX_ATTEMPTS,
      publishedRetentionMs: env.OUTBOX_PUBLISHED_RETENTION_MS,
      reconcileIntervalMs: env.OUTBOX_RECONCILE_INTERVAL_MS,
    }),
  };
  const consumer = {
    group: options.service,
    consumer: `${options.service}-${hostname()}-${process.pid}`,
    batchSize: 100,
    blockMs: 2_000,
    claimIdleMs: 30_000,
    claimIntervalMs: 5_000,
    retryBaseMs: 1_000,
    retryMaxMs: 60_000,
    maxDeliveries: 5,
    inboxTtlSeconds: 7 * 24 * 3600,
    staleConsumerMs: 3_600_000,
    ...options.consumer,
    ...defined({
      claimIdleMs: env.MESSAGING_CLAIM_IDLE_MS,
      claimIntervalMs: env.MESSAGING_CLAIM_INTERVAL_MS,
      retryBaseMs: env.MESSAGING_RETRY_BASE_MS,
      retryMaxMs: env.MESSAGING_RETRY_MAX_MS,
      maxDeliveries: env.MESSAGING_MAX_DELIVERIES,
    }),
  };
  for (const [key, value] of Object.entries(relay)) if (typeof value === 'number') positive(`relay.${key}`, value);
  for (const [key, value] of Object.entries(consumer)) if (typeof value === 'number') positive(`consumer.${key}`, value);
  if (consumer.retryMaxMs < consumer.retryBaseMs) {
    throw new MessagingConfigError(
      `consumer.retryMaxMs (${consumer.retryMaxMs}) must not be below consumer.retryBaseMs (${consumer.retryBaseMs})`,
    );
  }
  return {
    service: options.service,
    schema: options.schema ?? options.service.replace(/-/g, '_'),
    keyPrefix: env.MESSAGING_KEY_PREFIX || options.keyPrefix || 'mm:',
    transportRedisUrl: env.MESSAGING_REDIS_URL || options.transportRedisUrl || undefined,
    streamPrefix: env.MESSAGING_STREAM_PREFIX || options.streamPrefix || 'events:',
    streamMaxLen: env.MESSAGING_STREAM_MAXLEN ?? options.streamMaxLen,
    contracts: [...PLATFORM_EVENT_CONTRACTS, ...(options.contracts ?? [])],
    relay,
    consumer,
  };
}
