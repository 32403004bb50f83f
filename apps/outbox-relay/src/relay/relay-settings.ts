import type { ConfigService } from '@nestjs/config';
import { MessagingConfigError, resolveMessagingOptions, type ResolvedMessagingOptions } from '@mikasmissions/messaging';

/** What the standalone relay relays: one service's outbox schema, with the messaging library's relay options. */
export interface RelaySettings {
  /** Postgres schema holding the `outbox` table (`OUTBOX_SCHEMA`, default `analytics`). */
  schema: string;
  /** Resolved messaging options (stream prefix, MAXLEN, relay batch/poll/attempts/backoff). */
  messaging: ResolvedMessagingOptions;
}

/** Injection token of {@link RelaySettings}. */
export const RELAY_SETTINGS = Symbol.for('mikasmissions.outbox-relay.settings');

const ENV_KEYS = ['MESSAGING_STREAM_PREFIX', 'MESSAGING_STREAM_MAXLEN', 'OUTBOX_RELAY_POLL_MS', 'OUTBOX_RELAY_MAX_ATTEMPTS'];

/**
 * Reads `OUTBOX_SCHEMA` and the relay's messaging variables; a bad value fails the start-up.
 * `OUTBOX_RELAY_ENABLED` is ignored here: it switches the *in-process* relay of the services
 * off (so this app can take over), and this app exists only to relay.
 */
export function relaySettings(config: Pick<ConfigService, 'get'>): RelaySettings {
  const schema = (config.get<string>('OUTBOX_SCHEMA') ?? '').trim() || 'analytics';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new MessagingConfigError(`OUTBOX_SCHEMA must be a lowercase Postgres schema name (got "${schema}")`);
  }
  const env = Object.fromEntries(ENV_KEYS.map((k) => [k, config.get<string>(k)]));
  const service = /^[a-z]/.test(schema) ? schema : `s${schema}`;
  return { schema, messaging: resolveMessagingOptions({ service, schema }, env) };
}
