import { ConfigValidationError, loadConfig } from '@mikasmissions/config';
import { messagingConfig } from '@mikasmissions/messaging';
import { outboxRelayConfig } from './relay.config';
import { relaySettings } from './relay-settings';

const load = (env: Record<string, string>) => loadConfig({ JWT_SECRET: 's', ...env }, [outboxRelayConfig, messagingConfig]);

describe('outbox-relay settings', () => {
  it('relays schema analytics by default, with the messaging variables but never OUTBOX_RELAY_ENABLED', () => {
    const config = load({ OUTBOX_RELAY_ENABLED: 'false', OUTBOX_RELAY_POLL_MS: '200' });
    const settings = relaySettings(config.slice(outboxRelayConfig), config.slice(messagingConfig));
    expect(settings.schema).toBe('analytics');
    expect(settings.messaging.relay).toMatchObject({ enabled: true, pollIntervalMs: 200 });
  });

  it('reports a bad OUTBOX_SCHEMA and bad messaging variables in one list', () => {
    expect(() => load({ OUTBOX_SCHEMA: 'Analytics; drop', OUTBOX_RELAY_POLL_MS: 'abc' })).toThrow(ConfigValidationError);
    expect(() => load({ OUTBOX_SCHEMA: 'Analytics; drop', OUTBOX_RELAY_POLL_MS: 'abc' })).toThrow(
      'Invalid configuration:\n  - OUTBOX_SCHEMA: expected a lowercase Postgres schema name\n  - OUTBOX_RELAY_POLL_MS: expected a positive integer',
    );
  });
});
