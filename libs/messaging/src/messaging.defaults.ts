import { hostname } from 'node:os';
import { PLATFORM_EVENT_CONTRACTS } from '@mikasmissions/contracts-events';
import { MessagingConfigError } from './messaging.errors';
import type { MessagingModuleOptions, ResolvedMessagingOptions } from './messaging.options';

const positive = (name: string, value: number): number => {
  if (!Number.isFinite(value) || value <= 0) throw new MessagingConfigError(`${name} must be a positive number (got ${value})`);
  return value;
};

type Env = Record<string, string | undefined>;

const num = (env: Env, key: string): number | undefined => {
  const raw = env[key];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new MessagingConfigError(`${key} must be a positive number (got "${raw}")`);
  return value;
};

const bool = (env: Env, key: string): boolean | undefined => {
  const raw = env[key]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new MessagingConfigError(`${key} must be true or false (got "${env[key]}")`);
};

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/**
 * Applies defaults to {@link MessagingModuleOptions}, then the environment overrides
 * (`MESSAGING_STREAM_PREFIX`, `MESSAGING_KEY_PREFIX`, `OUTBOX_RELAY_ENABLED`,
 * `OUTBOX_RELAY_POLL_MS`, `OUTBOX_RELAY_MAX_ATTEMPTS`, `MESSAGING_CLAIM_IDLE_MS`,
 * `MESSAGING_CLAIM_INTERVAL_MS`, `MESSAGING_RETRY_BASE_MS`, `MESSAGING_RETRY_MAX_MS`,
 * `MESSAGING_MAX_DELIVERIES`, `MESSAGING_STREAM_MAXLEN`), and rejects
 * bad values at start-up.
 */
export function resolveMessagingOptions(options: MessagingModuleOptions, env: Env = {}): ResolvedMessagingOptions {
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
    ...defined({ enabled: bool(env, 'OUTBOX_RELAY_ENABLED'), pollIntervalMs: num(env, 'OUTBOX_RELAY_POLL_MS'), maxAttempts: num(env, 'OUTBOX_RELAY_MAX_ATTEMPTS') }),
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
      claimIdleMs: num(env, 'MESSAGING_CLAIM_IDLE_MS'),
      claimIntervalMs: num(env, 'MESSAGING_CLAIM_INTERVAL_MS'),
      retryBaseMs: num(env, 'MESSAGING_RETRY_BASE_MS'),
      retryMaxMs: num(env, 'MESSAGING_RETRY_MAX_MS'),
      maxDeliveries: num(env, 'MESSAGING_MAX_DELIVERIES'),
    }),
  };
  for (const [key, value] of Object.entries(relay)) if (typeof value === 'number') positive(`relay.${key}`, value);
  for (const [key, value] of Object.entries(consumer)) if (typeof value === 'number') positive(`consumer.${key}`, value);
  if (consumer.retryMaxMs < consumer.retryBaseMs) {
    throw new MessagingConfigError(`consumer.retryMaxMs (${consumer.retryMaxMs}) must not be below consumer.retryBaseMs (${consumer.retryBaseMs})`);
  }
  return {
    service: options.service,
    schema: options.schema ?? options.service.replace(/-/g, '_'),
    keyPrefix: env.MESSAGING_KEY_PREFIX || options.keyPrefix || 'mm:',
    streamPrefix: env.MESSAGING_STREAM_PREFIX || options.streamPrefix || 'events:',
    streamMaxLen: num(env, 'MESSAGING_STREAM_MAXLEN') ?? options.streamMaxLen,
    contracts: [...PLATFORM_EVENT_CONTRACTS, ...(options.contracts ?? [])],
    relay,
    consumer,
  };
}
