import { ClientProxy, type ReadPacket, type WritePacket } from '@nestjs/microservices';
import { RequestContext } from '@mikasmissions/context';
import type { EventContracts } from '@mikasmissions/contracts-events';
import { connectRedis, type RedisClient } from '@mikasmissions/persistence';
import { RedisStreamsPublisher } from '../adapters/redis/redis-streams.publisher';
import { createEnvelope, type EventEnvelope } from '../event-envelope';

/** Options of {@link RedisStreamsClient}. */
export interface RedisStreamsClientOptions {
  redisUrl: string;
  /** Redis Cluster start-up nodes (`REDIS_CLUSTER_NODES`); `redisUrl` then only lends credentials. */
  clusterNodes?: readonly string[];
  streamPrefix: string;
  contracts: EventContracts;
  streamMaxLen?: number;
}

const isEnvelope = (data: unknown, type: string): data is EventEnvelope =>
  typeof data === 'object' && data !== null && (data as EventEnvelope).type === type && 'payload' in data && 'id' in data;

/**
 * The `ClientProxy` matching {@link RedisStreamsServer}: `client.emit(type, payload)` XADDs
 * a validated envelope to the type's stream right away. It does not join a transaction —
 * publish through `EventPublisher`/`@Publish` when the event must commit with your writes.
 * Request-response (`send`) is not supported: events only.
 *
 * @example
 * await lastValueFrom(client.emit('media.uploaded', { episodeId: 'e1', creatorId: 'c1', sourceUrl: 's3://b/k' }));
 */
export class RedisStreamsClient extends ClientProxy {
  private redis?: RedisClient;
  private publisher?: RedisStreamsPublisher;

  constructor(private readonly options: RedisStreamsClientOptions) {
    super();
  }

  async connect(): Promise<RedisClient> {
    if (this.redis) return this.redis;
    this.redis = connectRedis(this.options.redisUrl, this.options.clusterNodes, { lazyConnect: true, maxRetriesPerRequest: 2 });
    await this.redis.connect();
    this.publisher = new RedisStreamsPublisher(this.redis, this.options.streamPrefix, this.options.streamMaxLen);
    return this.redis;
  }

  async close(): Promise<void> {
    const redis = this.redis;
    this.redis = undefined;
    if (redis) await redis.quit().catch(() => redis.disconnect());
  }

  unwrap<T>(): T {
    return this.redis as T;
  }

  protected publish(packet: ReadPacket, callback: (packet: WritePacket) => void): () => void {
    callback({
      err: new Error(`RedisStreamsClient carries events only; use emit("${String(packet.pattern)}", payload)`),
      isDisposed: true,
    });
    return () => undefined;
  }

  /** Validates and XADDs; `data` is a payload (wrapped in a new envelope) or a whole envelope. */
  protected async dispatchEvent<T = unknown>(packet: ReadPacket): Promise<T> {
    const type = String(packet.pattern);
    await this.connect();
    const envelope = isEnvelope(packet.data, type) ? packet.data : this.wrap(type, packet.data as object);
    this.options.contracts.assertEnvelope(envelope);
    const [result] = await this.publisher!.publish([envelope]);
    if (!result.ok) throw new Error(`could not publish ${type}: ${result.error}`);
    return envelope as T;
  }

  private wrap(type: string, payload: object): EventEnvelope {
    const ctx = RequestContext.current();
    const version = this.options.contracts.has(type) ? this.options.contracts.versionOf(type) : 1;
    return createEnvelope({ type, version, payload: payload as Record<string, unknown>, tenantId: ctx.tenantId, requestId: ctx.requestId });
  }
}
