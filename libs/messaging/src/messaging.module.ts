import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { EventContracts } from '@mikasmissions/contracts-events';
import { ReadinessRegistry } from '@mikasmissions/health';
import { PERSISTENCE_SCHEMA, PG_POOL, REDIS, SqlTransactions } from '@mikasmissions/persistence';
import type { RedisClient } from '@mikasmissions/persistence';
import type { Pool } from 'pg';
import { InProcessEventBus } from './adapters/memory/in-process-event-bus';
import { MemoryInboxStore } from './adapters/memory/memory-inbox.store';
import { MemoryOutboxStore } from './adapters/memory/memory-outbox.store';
import { PostgresInboxStore } from './adapters/postgres/postgres-inbox.store';
import { PostgresOutboxStore } from './adapters/postgres/postgres-outbox.store';
import { RedisInboxStore } from './adapters/redis/redis-inbox.store';
import { RedisOutboxStore } from './adapters/redis/redis-outbox.store';
import { RedisStreamsPublisher } from './adapters/redis/redis-streams.publisher';
import { TransportRedis } from './adapters/redis/transport-redis';
import { EventPublisher } from './event-publisher';
import { messagingConfig } from './messaging.config';
import { resolveMessagingOptions } from './messaging.defaults';
import { MessagingLifecycle } from './messaging.lifecycle';
import type { MessagingModuleOptions, ResolvedMessagingOptions } from './messaging.options';
import { MESSAGING_OPTIONS } from './messaging.tokens';
import { OutboxUnitOfWork } from './outbox-unit-of-work';
import { InboxStore } from './ports/inbox-store';
import { EventTransport } from './ports/event-transport';
import { OutboxStore } from './ports/outbox-store';
import { PublishStage } from './publish.stage';
import { ConsumerErrorInterceptor } from './consumer-error.interceptor';
import { OutboxRelay } from './relay/outbox-relay';
import { InProcessEventsServer } from './transport/in-process-events.server';
import { RedisStreamsServer } from './transport/redis-streams.server';

type O = ResolvedMessagingOptions;

const providers: Provider[] = [
  { provide: EventContracts, inject: [MESSAGING_OPTIONS], useFactory: (o: O) => new EventContracts(o.contracts) },
  {
    provide: OutboxStore,
    inject: [MESSAGING_OPTIONS, SqlTransactions, REDIS],
    useFactory: (o: O, sql: SqlTransactions | null, redis: RedisClient | null) =>
      sql
        ? new PostgresOutboxStore(sql, o.schema)
        : redis
          ? new RedisOutboxStore(redis, `${o.keyPrefix}${o.service}:`, o.relay.leaseMs)
          : new MemoryOutboxStore(o.relay.leaseMs),
  },
  {
    provide: InboxStore,
    inject: [MESSAGING_OPTIONS, SqlTransactions, REDIS],
    useFactory: (o: O, sql: SqlTransactions | null, redis: RedisClient | null) =>
      sql
        ? new PostgresInboxStore(sql, o.schema)
        : redis
          ? new RedisInboxStore(redis, `${o.keyPrefix}`, o.consumer.inboxTtlSeconds)
          : new MemoryInboxStore(),
  },
  {
    provide: TransportRedis,
    inject: [MESSAGING_OPTIONS, AppConfig, REDIS],
    useFactory: (o: O, config: AppConfig, redis: RedisClient | null) =>
      new TransportRedis(redis, config.persistence.redisUrl, o.transportRedisUrl, config.persistence.redisClusterNodes),
  },
  {
    provide: InProcessEventBus,
    inject: [TransportRedis, PG_POOL],
    useFactory: (t: TransportRedis, pool: Pool | null) => (t.client || pool ? null : new InProcessEventBus()),
  },
  {
    provide: EventTransport,
    inject: [MESSAGING_OPTIONS, TransportRedis, InProcessEventBus],
    useFactory: (o: O, t: TransportRedis, bus: InProcessEventBus | null) =>
      t.client ? new RedisStreamsPublisher(t.client, o.streamPrefix, o.streamMaxLen) : bus,
  },
  {
    provide: InProcessEventsServer,
    inject: [MESSAGING_OPTIONS, InProcessEventBus, EventContracts, InboxStore],
    useFactory: (o: O, bus: InProcessEventBus | null, contracts: EventContracts, inbox: InboxStore) =>
      bus
        ? new InProcessEventsServer({
            bus,
            contracts,
            inbox,
            group: o.consumer.group,
            maxDeliveries: o.consumer.maxDeliveries,
            retryBaseMs: o.consumer.retryBaseMs,
            retryMaxMs: o.consumer.retryMaxMs,
          })
        : null,
  },
  {
    provide: OutboxUnitOfWork,
    inject: [OutboxStore, SqlTransactions],
    useFactory: (s: OutboxStore, sql: SqlTransactions | null) => new OutboxUnitOfWork(s, sql),
  },
  {
    provide: OutboxRelay,
    inject: [MESSAGING_OPTIONS, OutboxStore, EventTransport],
    useFactory: (o: O, store: OutboxStore, transport: EventTransport | null) =>
      transport ? new OutboxRelay(store, transport, o.relay) : null,
  },
  {
    provide: RedisStreamsServer,
    inject: [MESSAGING_OPTIONS, TransportRedis, EventContracts, InboxStore, { token: ReadinessRegistry, optional: true }],
    useFactory: (o: O, t: TransportRedis, contracts: EventContracts, inbox: InboxStore, readiness: ReadinessRegistry | null) => {
      const url = t.url;
      if (!url) return null;
      return new RedisStreamsServer({
        ...o.consumer,
        redisUrl: url,
        clusterNodes: t.clusterNodes,
        streamPrefix: o.streamPrefix,
        contracts,
        inbox,
        readiness,
      });
    },
  },
  EventPublisher,
  MessagingLifecycle,
  PublishStage,
  ConsumerErrorInterceptor,
];

/**
 * Reliable events for a service: `@Publish` and `EventPublisher` write to the outbox in the
 * handler's transaction (`SqlTransactions` and `@Transactional()` of `PersistenceModule`,
 * whose schema holds `outbox` and `inbox`), an in-process relay moves rows to Redis Streams, and
 * `RedisStreamsServer` consumes them with an inbox and a dead-letter stream. Stores follow
 * the persistence mode: Postgres, else Redis, else memory. In pure memory mode an in-process
 * bus and `InProcessEventsServer` stand in for Redis Streams, unless `MESSAGING_REDIS_URL`
 * gives the transport a Redis of its own (stores stay memory; dev:local across processes);
 * with Postgres but no Redis, rows wait in the outbox until a relay with Redis runs.
 *
 * @example
 * PersistenceModule.forRoot({ schema: 'analytics', prisma: { token: AnalyticsPrismaService, imports: [InfraModule] } }),
 * MessagingModule.forRoot({ service: 'analytics' })
 */
@UsesConfig(messagingConfig)
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingModuleOptions): DynamicModule {
    resolveMessagingOptions(options);
    return {
      module: MessagingModule,
      global: true,
      imports: [DiscoveryModule],
      providers: [
        {
          provide: MESSAGING_OPTIONS,
          inject: [AppConfig, { token: PERSISTENCE_SCHEMA, optional: true }],
          useFactory: (config: AppConfig, schema: string | null) =>
            resolveMessagingOptions({ ...options, schema: options.schema ?? schema ?? undefined }, config.slice(messagingConfig)),
        },
        ...providers,
      ],
      exports: [
        EventPublisher,
        EventContracts,
        OutboxStore,
        InboxStore,
        OutboxRelay,
        RedisStreamsServer,
        InProcessEventsServer,
        MESSAGING_OPTIONS,
      ],
    };
  }
}
