import type { EventContract } from '@mikasmissions/contracts-events';

/** Relay settings (outbox → Redis Streams). */
export interface RelayOptions {
  /** Run the relay inside this process. Default: true. */
  enabled: boolean;
  /** Rows per claim. Default: 200. */
  batchSize: number;
  /** Poll interval when no NOTIFY arrives. Default: 500 ms. */
  pollIntervalMs: number;
  /** Attempts before a row becomes `failed`. Default: 8. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt (with jitter). Default: 500 ms. */
  backoffBaseMs: number;
  /** Longest retry delay. Default: 60 s. */
  backoffMaxMs: number;
  /** Lease of a claim in the Redis and memory stores. Default: 30 s. */
  leaseMs: number;
  /**
   * Published rows are kept this long, so that the reconciler can send them again when Redis
   * loses them; then they are deleted. Must exceed the longest time a Redis data loss can go
   * unnoticed (no relay running). Default: 1 h.
   */
  publishedRetentionMs: number;
  /** How often the reconciler asks Redis whether it restarted or lost a stream. Default: 1 s. */
  reconcileIntervalMs: number;
}

/** Consumer (RedisStreamsServer) settings. */
export interface ConsumerOptions {
  /** Consumer group of the service's handlers (one per consuming service) unless a handler names its own (`@OnEvent(def, { group })`, `@ConsumerGroup`). Default: the service name. */
  group: string;
  /** Consumer name; one per replica. Default: `<service>-<hostname>-<pid>`. */
  consumer: string;
  /** Messages per XREADGROUP. Default: 100. */
  batchSize: number;
  /** XREADGROUP BLOCK timeout. Default: 2000 ms. */
  blockMs: number;
  /** A pending message whose handler did not finish (dead consumer) is claimed after this idle time and retried. Default: 30 s. */
  claimIdleMs: number;
  /** First retry delay after a handler failed; doubles per delivery (plus up to 25 % jitter). Default: 1 s. */
  retryBaseMs: number;
  /** Longest retry delay (before jitter). Default: 60 s. */
  retryMaxMs: number;
  /** How often to look for such messages. Default: 5 s. */
  claimIntervalMs: number;
  /** Deliveries before a message goes to `<stream>.dlq`. Default: 5. */
  maxDeliveries: number;
  /** Expiry of Redis inbox marks. Default: 7 days. */
  inboxTtlSeconds: number;
  /** Consumers of dead replicas with nothing pending are removed from the group after this silence. Default: 1 h. */
  staleConsumerMs: number;
}

/** Options of `MessagingModule.forRoot`; every field but `service` has a default. */
export interface MessagingModuleOptions {
  /** The owning service, e.g. `analytics`: consumer group and Redis key namespace. */
  service: string;
  /**
   * Postgres schema holding `outbox` and `inbox`. Default: `PersistenceModule`'s schema
   * (`PersistenceModule.forRoot({ schema })`), else `service`. Transactions (and the Prisma
   * client they run on) are configured on `PersistenceModule.forRoot({ prisma })`.
   */
  schema?: string;
  /** Prefix of Redis keys (outbox, inbox). Default: `mm:`. */
  keyPrefix?: string;
  /**
   * Redis used only by the event transport (publisher and consumer) when the process has no
   * `REDIS_URL`; stores stay as they are (memory). Env: `MESSAGING_REDIS_URL`. Default: none.
   */
  transportRedisUrl?: string;
  /** Prefix of stream names: stream = prefix + event type. Default: `events:`. */
  streamPrefix?: string;
  /** Approximate MAXLEN of each stream (XADD MAXLEN ~). Default: none (no trimming). */
  streamMaxLen?: number;
  /** Contracts beyond the platform's (tests, new services). */
  contracts?: EventContract[];
  relay?: Partial<RelayOptions>;
  consumer?: Partial<ConsumerOptions>;
}

/** {@link MessagingModuleOptions} with every default applied. */
export interface ResolvedMessagingOptions {
  service: string;
  schema: string;
  keyPrefix: string;
  transportRedisUrl?: string;
  streamPrefix: string;
  streamMaxLen?: number;
  contracts: EventContract[];
  relay: RelayOptions;
  consumer: ConsumerOptions;
}
