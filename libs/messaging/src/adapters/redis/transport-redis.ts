import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createRedisClient, pingRedis } from '@mikasmissions/persistence';
import type { RedisClient } from '@mikasmissions/persistence';

/**
 * The Redis the event transport (publisher and Redis Streams consumer) runs on: the process's
 * `REDIS_URL` client when persistence has one, else a client of its own on
 * `MESSAGING_REDIS_URL` (memory stores, events across processes, as in dev:local), else none
 * (the in-process bus). Only a client it created itself is connected and closed here.
 */
export class TransportRedis implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  /** The client, or `null` when events stay in this process. */
  readonly client: RedisClient | null;
  /** The URL the consumer connects to, or `undefined` with no Redis transport. */
  readonly url: string | undefined;
  /** The cluster's start-up nodes when the transport is the persistence Redis Cluster (`REDIS_CLUSTER_NODES`). */
  readonly clusterNodes: readonly string[] | undefined;
  private readonly owned: boolean;

  constructor(
    persistenceRedis: RedisClient | null,
    persistenceUrl: string | undefined,
    transportUrl: string | undefined,
    persistenceClusterNodes?: readonly string[],
  ) {
    this.owned = !persistenceRedis && !!transportUrl;
    this.client = persistenceRedis ?? (transportUrl ? createRedisClient(transportUrl, 'mikasmissions-events') : null);
    this.url = persistenceRedis ? persistenceUrl : transportUrl;
    this.clusterNodes = persistenceRedis ? persistenceClusterNodes : undefined;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.owned || !this.client) return;
    try {
      await pingRedis(this.client, 3_000);
      this.logger.log('events: Redis Streams on MESSAGING_REDIS_URL, stores in memory');
    } catch (error) {
      this.logger.warn(`the events Redis (MESSAGING_REDIS_URL) is not reachable yet; the relay retries: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.owned || !this.client || this.client.status === 'end') return;
    await this.client.quit().catch(() => this.client?.disconnect());
  }
}
