// The public surface of messaging: the module, decorators, publisher, ports, and what the
// standalone relay, the replay tool and bench:messaging need (the Postgres outbox and inbox,
// the stream publisher and consumer).
// Other adapters, transports' internals and test helpers stay inside.
export { PostgresInboxStore } from './adapters/postgres/postgres-inbox.store';
export { PostgresOutboxStore } from './adapters/postgres/postgres-outbox.store';
export { RedisStreamsPublisher, streamKey, typeOfStream } from './adapters/redis/redis-streams.publisher';
export { connectEventConsumers } from './connect-event-consumers';
export { createEnvelope } from './event-envelope';
export type { EnvelopeFields, EventEnvelope } from './event-envelope';
export { EventPublisher } from './event-publisher';
export type { PublishEventOptions } from './event-publisher';
export { messagingConfig } from './messaging.config';
export type { MessagingEnv } from './messaging.config';
export { resolveMessagingOptions } from './messaging.defaults';
export { InvalidEventError, MessagingConfigError } from './messaging.errors';
export { MessagingModule } from './messaging.module';
export type { ConsumerOptions, MessagingModuleOptions, RelayOptions, ResolvedMessagingOptions } from './messaging.options';
export { MESSAGING_OPTIONS } from './messaging.tokens';
export { OutboxUnitOfWork } from './outbox-unit-of-work';
export { EventTransport } from './ports/event-transport';
export { InboxStore } from './ports/inbox-store';
export type { InboxJob } from './ports/inbox-store';
export { OutboxStore } from './ports/outbox-store';
export type { OutboxClaim, OutboxRecord, OutboxStats, OutboxStatus, RelayOutcome, RequeueOptions } from './ports/outbox-store';
export { ConsumerGroup, OnEvent, ON_EVENT_METADATA } from './on-event.decorator';
export type { OnEventOptions } from './on-event.decorator';
export type { ConsumerOf } from './on-event.decorator';
export { Publish, PUBLISH_METADATA } from './publish.decorator';
export type { HandlerOf, PublishOptions, PublishSpec } from './publish.decorator';
export { OutboxRelay, relayBackoffMs } from './relay/outbox-relay';
export { RedisStreamsClient } from './transport/redis-streams.client';
export type { RedisStreamsClientOptions } from './transport/redis-streams.client';
export { RedisStreamsServer } from './transport/redis-streams.server';
export type { RedisStreamsServerOptions } from './transport/redis-streams.server';
export { dlqKey } from './transport/stream-message';
