import { resolveMessagingOptions, type MessagingEnv, type ResolvedMessagingOptions } from '@mikasmissions/messaging';
import type { OutboxRelayEnv } from './relay.config';

/** What the standalone relay relays: one service's outbox schema, with the messaging library's relay options. */
export interface RelaySettings {
  /** Postgres schema holding the `outbox` table (`OUTBOX_SCHEMA`, default `analytics`). */
  schema: string;
  /** Resolved messaging options (stream prefix, MAXLEN, relay batch/poll/attempts/backoff). */
  messaging: ResolvedMessagingOptions;
}

/** Injection token of {@link RelaySettings}. */
export const RELAY_SETTINGS = Symbol.for('mikasmissions.outbox-relay.settings');

/**
 * The relay's settings from its validated slices (`outboxRelayConfig`, `messagingConfig`).
 * `OUTBOX_RELAY_ENABLED` is ignored here: it switches the *in-process* relay of the services
 * off (so this app can take over), and this app exists only to relay.
 */
export function relaySettings(relay: OutboxRelayEnv, messaging: MessagingEnv): RelaySettings {
  const schema = relay.OUTBOX_SCHEMA;
  const service = /^[a-z]/.test(schema) ? schema : `s${schema}`;
  const env: MessagingEnv = { ...messaging, OUTBOX_RELAY_ENABLED: undefined };
  return { schema, messaging: resolveMessagingOptions({ service, schema }, env) };
}
