import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { EventContracts } from '@mikasmissions/contracts-events';
import { connectRedis, type RedisClient } from '@mikasmissions/persistence';
import { streamKey, typeOfStream } from '../adapters/redis/redis-streams.publisher';
import type { EventEnvelope } from '../event-envelope';
import type { ConsumerOptions } from '../messaging.options';
import type { InboxStore } from '../ports/inbox-store';
import { backoffMs } from '../backoff';
import { deadLetter, recordFailure } from './delivery-failure';
import { groupStates } from './consumer-groups';
import { GroupReader } from './group-reader';
import { handlerGroup } from './handler-group';
import { parseFailure } from './redelivery';
import { RedisStreamsContext } from './redis-streams.context';
import { runEventHandlers, type EventHandlerFn, type HandlerRun } from './run-event-handler';
import { errorsKey, readEnvelope, type StreamMessage } from './stream-message';

/** Options of {@link RedisStreamsServer}. */
export interface RedisStreamsServerOptions
  extends Omit<ConsumerOptions, 'retryBaseMs' | 'retryMaxMs'>, Partial<Pick<ConsumerOptions, 'retryBaseMs' | 'retryMaxMs'>> {
  redisUrl: string;
  /** Redis Cluster start-up nodes (`REDIS_CLUSTER_NODES`): then each stream gets a reader of its own (a read may not span slots). */
  clusterNodes?: readonly string[];
  streamPrefix: string;
  contracts: EventContracts;
  inbox: InboxStore;
  /** Where `/ready` checks are registered (the health library's ReadinessRegistry); the `transport` check is added once consuming starts. */
  readiness?: { register(check: { name: string; check: () => Promise<Record<string, unknown>> }): void } | null;
}

/** Defaults of the retry backoff when the options leave it out (as `MessagingModule` does not). */
const RETRY_BASE_MS = 1_000;
const RETRY_MAX_MS = 60_000;
/** Inbox transactions a batch is spread over (one commit each). */
const INBOX_CHUNKS = 4;
/** Longest a readiness check waits for Redis (commands queue while it reconnects). */
const HEALTH_TIMEOUT_MS = 1_000;
const withTimeout = <T>(work: Promise<T>, ms: number, message: string): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms)));
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
};
const messageOf = (e: unknown) =>
  e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e);

/**
 * A `@nestjs/microservices` transport on Redis Streams: one stream per event type, one
 * consumer group per service — or per handler that names its own (`@OnEvent(def, { group })`,
 * `@ConsumerGroup`), each group read by its own {@link GroupReader}, and on a Redis Cluster
 * (`clusterNodes`) one reader per stream, since a read may not span slots — and one consumer per
 * replica. Reads with `XREADGROUP BLOCK`,
 * validates each envelope, runs the `@EventPattern` handler through the inbox (a
 * redelivered event is acknowledged without running again), `XACK`s after success, retries a
 * failed handler with exponential backoff and jitter (`retryBaseMs` doubling up to
 * `retryMaxMs`), reclaims messages of dead consumers idle longer than `claimIdleMs`
 * (`XPENDING … IDLE` + `XCLAIM`) and moves a message that failed `maxDeliveries` times — or
 * is invalid — to `<stream>.dlq` with the error.
 *
 * @example
 * app.connectMicroservice({ strategy: app.get(RedisStreamsServer) });
 * await app.startAllMicroservices();
 */
export class RedisStreamsServer extends Server implements CustomTransportStrategy {
  override readonly transportId = Symbol.for('mikasmissions.transport.redis-streams');
  private client?: RedisClient;
  private readers: GroupReader[] = [];
  private running = false;
  private readonly inFlight = new Set<Promise<void>>();
  private state: 'starting' | 'running' | 'stopped' = 'starting';
  private lastError?: string;
  private closing = false;
  private retryTimer?: NodeJS.Timeout;
  /** The options with the retry window resolved, once. */
  private readonly options: RedisStreamsServerOptions & { retryBaseMs: number; retryMaxMs: number };

  constructor(options: RedisStreamsServerOptions) {
    super();
    const retryBaseMs = options.retryBaseMs ?? RETRY_BASE_MS;
    this.options = { ...options, retryBaseMs, retryMaxMs: Math.max(options.retryMaxMs ?? RETRY_MAX_MS, retryBaseMs) };
  }

  on(): void {
    throw new Error('RedisStreamsServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.client as T;
  }

  /**
   * Connects, creates the consumer groups and starts reading. When Redis is unreachable the
   * app still starts: the consumer retries in the background and `/ready` reports it.
   */
  listen(callback: (error?: unknown) => void): void {
    this.closing = false;
    this.options.readiness?.register({ name: 'transport', check: () => this.health() });
    const attempt = (n: number): void => {
      this.start().then(
        () => n === 1 && callback(),
        (error: unknown) => {
          this.lastError = messageOf(error);
          for (const reader of this.readers) reader.connection.disconnect();
          this.readers = [];
          this.client?.disconnect();
          if (n === 1) {
            this.logger.warn?.(`Redis Streams consumer not started yet (${this.lastError}); retrying in the background`);
            callback();
          }
          if (!this.closing) this.retryTimer = setTimeout(() => attempt(n + 1), backoffMs(n + 1, { baseMs: 500, maxMs: 10_000 }));
        },
      );
    };
    attempt(1);
  }

  /** The streams of each consumer group this process reads (a handler's own group, else the service's). */
  private streamsByGroup(): Map<string, string[]> {
    const groups = new Map<string, string[]>([[this.options.group, []]]);
    for (const [pattern, handler] of this.messageHandlers.entries()) {
      if (!handler.isEventHandler) continue;
      const group = handlerGroup(handler, this.options.group);
      groups.set(group, [...(groups.get(group) ?? []), streamKey(this.options.streamPrefix, pattern)]);
    }
    if (groups.size > 1 && groups.get(this.options.group)!.length === 0) groups.delete(this.options.group);
    return groups;
  }

  private async start(): Promise<void> {
    const connection = {
      lazyConnect: true,
      maxRetriesPerRequest: null,
      connectionName: this.options.consumer,
      retryStrategy: (times: number) => Math.min(times * 200, 2_000),
    };
    const connect = () => connectRedis(this.options.redisUrl, this.options.clusterNodes, connection);
    this.client = connect();
    this.client.on('error', (e: Error) => (this.lastError = e.message));
    const readers: GroupReader[] = [];
    const cluster = (this.options.clusterNodes?.length ?? 0) > 0;
    for (const [group, groupStreams] of this.streamsByGroup())
      for (const streams of cluster && groupStreams.length > 1 ? groupStreams.map((one) => [one]) : [groupStreams]) {
        const reader = connect();
        reader.on('error', (e: Error) => (this.lastError = e.message));
        readers.push(
          new GroupReader(reader, this.client, {
            ...this.options,
            group,
            streams,
            process: (batch) => this.handleBatch(batch, group),
            track: (work) => this.track(work),
            log: (_level, message) => this.logger.warn?.(message),
          }),
        );
      }
    this.readers = readers;
    await Promise.all([this.client.connect(), ...readers.map((r) => r.connection.connect())]);
    for (const reader of readers) await reader.start();
    if (this.closing) return;
    this.running = true;
    this.state = 'running';
  }

  /** Stops reading, lets in-flight handlers finish and acknowledge, then disconnects. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (!this.running) {
      for (const reader of this.readers) reader.connection.disconnect();
      this.client?.disconnect();
      return;
    }
    this.running = false;
    await Promise.all(this.readers.map((reader) => reader.stop()));
    await Promise.allSettled([...this.inFlight]);
    this.state = 'stopped';
    await this.client?.quit().catch(() => this.client?.disconnect());
    for (const reader of this.readers) reader.connection.disconnect();
  }

  /**
   * Transport health and consumer lag per stream, for `/ready`: down while a connection is
   * not up, while reads fail (e.g. `NOGROUP` until the group is made again) and while a
   * stream or a group is missing. `groups` lists each group's streams.
   */
  async health(): Promise<Record<string, unknown>> {
    if (this.state !== 'running' || !this.client)
      throw new Error(`consumer is ${this.state}${this.lastError ? `: ${this.lastError}` : ''}`);
    const down = [this.client, ...this.readers.map((r) => r.connection)].find((c) => c.status !== 'ready');
    if (down) throw new Error(`cannot read: Redis connection is ${down.status}${this.lastError ? ` (${this.lastError})` : ''}`);
    const failing = this.readers.find((r) => r.readError);
    if (failing) throw new Error(`cannot read: ${failing.readError}`);
    const streams: Record<string, unknown> = {};
    for (const reader of this.readers)
      Object.assign(
        streams,
        await withTimeout(
          groupStates(this.client, [...reader.streams], reader.group),
          HEALTH_TIMEOUT_MS,
          'cannot read: Redis did not answer',
        ),
      );
    const groups = Object.fromEntries(this.readers.map((r) => [r.group, [...r.streams]]));
    return { group: this.options.group, consumer: this.options.consumer, streams, groups };
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  /**
   * Handles a batch of `group`: invalid or exhausted messages to the DLQ, the rest through the
   * inbox (deduped per group) in up to {@link INBOX_CHUNKS} transactions (events of one
   * aggregate in order); then XACK.
   */
  private async handleBatch(batch: StreamMessage[], group: string): Promise<void> {
    const acks = new Map<string, string[]>();
    const runs: Array<HandlerRun & { message: StreamMessage }> = [];
    for (const message of batch) {
      const run = await this.prepare(message, group);
      if (run) runs.push(run);
    }
    const errors = await runEventHandlers(runs, this.options.inbox, group, INBOX_CHUNKS);
    for (const [i, run] of runs.entries()) {
      const { message } = run;
      if (errors[i] === null) acks.set(message.stream, [...(acks.get(message.stream) ?? []), message.id]);
      // A failed handler is retried later with backoff, or dead-lettered after maxDeliveries.
      else if ((await recordFailure(this.client!, message, messageOf(errors[i]), { ...this.options, group })) === 'dead')
        await this.deadLetter(message, messageOf(errors[i]), group);
    }
    if (acks.size === 0) return;
    const multi = this.client!.multi();
    for (const [stream, ids] of acks) multi.xack(stream, group, ...ids).hdel(errorsKey(stream, group), ...ids);
    await multi.exec();
  }

  /** Validates a message; dead-letters it when invalid or out of deliveries, else returns the handler run. */
  private async prepare(message: StreamMessage, group: string): Promise<(HandlerRun & { message: StreamMessage }) | undefined> {
    const type = typeOfStream(this.options.streamPrefix, message.stream);
    let envelope: EventEnvelope;
    try {
      envelope = readEnvelope(message, type, this.options.contracts);
    } catch (error) {
      await this.deadLetter(message, `invalid event: ${messageOf(error)}`, group);
      return undefined;
    }
    if (message.deliveries > this.options.maxDeliveries) {
      const last = parseFailure(await this.client!.hget(errorsKey(message.stream, group), message.id));
      await this.deadLetter(message, last?.error ?? 'handler did not finish (consumer died or timed out)', group);
      return undefined;
    }
    const handler = this.getHandlerByPattern(type) as EventHandlerFn | null;
    if (!handler) return undefined;
    const ctx = new RedisStreamsContext([message.stream, message.id, envelope, message.deliveries]);
    return { handler, envelope, ctx, message };
  }

  private async deadLetter(message: StreamMessage, error: string, group: string): Promise<void> {
    this.logger.error?.(`dead-lettering ${message.stream} ${message.id} (group ${group}) after ${message.deliveries} deliveries: ${error}`);
    await deadLetter(this.client!, message, error, group);
  }
}
