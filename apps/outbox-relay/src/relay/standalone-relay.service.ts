import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { ReadinessRegistry } from '@mikasmissions/health';
import { OutboxRelay, PostgresOutboxStore, RedisStreamsPublisher } from '@mikasmissions/messaging';
import { PG_POOL, PoolSqlTransactions, REDIS } from '@mikasmissions/persistence';
import type { RedisClient } from '@mikasmissions/persistence';
import type { Pool } from 'pg';
import { RELAY_SETTINGS, type RelaySettings } from './relay-settings';

/**
 * Runs the messaging library's {@link OutboxRelay} over one service's Postgres outbox
 * (`PostgresOutboxStore`) into Redis Streams (`RedisStreamsPublisher`). Without both
 * DATABASE_URL and REDIS_URL (memory mode, dev:local) there is nothing to relay: it says so
 * in the log and in `/ready` (`relay` details) and the app still serves. Stops the loop in
 * `beforeApplicationShutdown`, i.e. before the shared pool and Redis client close.
 */
@Injectable()
export class StandaloneRelayService implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('OutboxRelayApp');
  private store?: PostgresOutboxStore;
  private relay?: OutboxRelay;
  private running = false;

  constructor(
    @Inject(RELAY_SETTINGS) private readonly settings: RelaySettings,
    @Inject(PG_POOL) private readonly pool: Pool | null,
    @Inject(REDIS) private readonly redis: RedisClient | null,
    private readonly readiness: ReadinessRegistry,
  ) {}

  /** Why nothing is relayed, or `null` when both stores are configured. */
  get idleReason(): string | null {
    const missing = [this.pool ? null : 'DATABASE_URL', this.redis ? null : 'REDIS_URL'].filter(Boolean);
    return missing.length === 0 ? null : `nothing to relay: ${missing.join(' and ')} not set (memory mode)`;
  }

  onModuleInit(): void {
    const { messaging } = this.settings;
    if (this.pool && this.redis) {
      this.store = new PostgresOutboxStore(new PoolSqlTransactions(this.pool), this.settings.schema);
      const publisher = new RedisStreamsPublisher(this.redis, messaging.streamPrefix, messaging.streamMaxLen);
      this.relay = new OutboxRelay(this.store, publisher, messaging.relay);
    }
    this.readiness.register({ name: 'relay', check: () => this.state() });
  }

  onApplicationBootstrap(): void {
    const reason = this.idleReason;
    if (!this.relay) {
      this.logger.warn(`${reason}; serving /health and /ready only`);
      return;
    }
    this.relay.start();
    this.running = true;
    this.logger.log(`relaying "${this.settings.schema}".outbox to Redis Streams "${this.settings.messaging.streamPrefix}<type>"`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.relay || !this.running) return;
    this.running = false;
    await this.relay.stop();
    this.logger.log('relay stopped');
  }

  /** `/ready` details: outbox counts while relaying; a not-relaying note in memory mode. */
  private async state(): Promise<Record<string, unknown>> {
    const base = { schema: this.settings.schema, streamPrefix: this.settings.messaging.streamPrefix };
    if (!this.store) return { ...base, relaying: false, detail: this.idleReason };
    const stats = await this.store.stats();
    return { ...base, relaying: this.running, pending: stats.pending, failed: stats.failed, published: stats.published };
  }
}
