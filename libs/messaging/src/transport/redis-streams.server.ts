import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { EventContracts } from '@mikasmissions/contracts-events';
import { connectRedis, type RedisClient } from '@mikasmissions/persistence';
import { streamKey, typeOfStream } from '../adapters/redis/redis-streams.publisher';
import type { EventEnvelope } from '../event-envelope';
import type { ConsumerOptions } from '../messaging.options';
import type { InboxStore } from '../ports/inbox-store';
import { backoffMs } from '../backoff';
import { deadLetter, recordFailure } from './delivery-failure';
import { ensureGroups, groupStates, isMissingGroup } from './consumer-groups';
import { claimDue, forgetDeadConsumers, parseFailure } from './redelivery';
import { RedisStreamsContext } from './redis-streams.context';
import { runEventHandlers, type EventHandlerFn, type HandlerRun } from './run-event-handler';
import { errorsKey, readEnvelope, type StreamMessage } from './stream-message';

/** Options of {@link RedisStreamsServer}. */
export interface RedisStreamsServerOptions extends Omit<ConsumerOptions, 'retryBaseMs' | 'retryMaxMs'>, Partial<Pick<ConsumerOptions, 'retryBaseMs' | 'retryMaxMs'>> {
  redisUrl: string;
  /** Redis Cluster start-up nodes (`REDIS_CLUSTER_NODES`): then each stream gets a reader of its own (a read may not span slots). */
  clusterNodes?: readonly string[];
  streamPrefix: string;
  contracts: EventContracts;
  inbox: InboxStore;
  /** Where `/ready` checks are registered (the health library's ReadinessRegistry); the `transport` check is added once consuming starts. */
  readiness?: { register(check: { name: string; check: () => Promise<Record<string, unknown>> }): void } | null;
}

type Entry = [id: string, fields: string[]];
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const messageOf = (e: unknown) => (e instanceof Error ? e.message : typeof e === 'object' && e && 'message' in e ? String((e as { message: unknown }).message) : String(e));

/**
 * A `@nestjs/microservices` transport on Redis Streams: one stream per event type, one
 * consumer group per service, one consumer per replica; on a Redis Cluster (`clusterNodes`) one
 * blocking reader per stream, since streams of different types live in different slots. Reads with `XREADGROUP BLOCK`,
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
  /** One reader per group of streams read together: all streams on one Redis, one stream each on a cluster. */
  private readers: Array<{ client: RedisClient; streams: string[] }> = [];
  private client?: RedisClient;
  private streams: string[] = [];
  private running = false;
  private readonly blocked = new Set<RedisClient>();
  private loops: Array<Promise<void>> = [];
  private claimTimer?: NodeJS.Timeout;
  private claiming = false;
  private readonly inFlight = new Set<Promise<void>>();
  private state: 'starting' | 'running' | 'stopped' = 'starting';
  private lastError?: string;
  /** Why the last read failed; cleared by the next successful one. */
  private readError?: string;
  private closing = false;
  private retryTimer?: NodeJS.Timeout;
  private readonly cursors = new Map<string, string>();
  /** `<stream> <id>` of the messages this consumer is handling right now (never claimed from itself). */
  private readonly active = new Set<string>();
  private lastForget = 0;
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
          this.disconnectAll();
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

  private async start(): Promise<void> {
    const connection = { lazyConnect: true, maxRetriesPerRequest: null, connectionName: this.options.consumer, retryStrategy: (times: number) => Math.min(times * 200, 2_000) };
    const connect = () => connectRedis(this.options.redisUrl, this.options.clusterNodes, connection);
    const types = [...this.messageHandlers.entries()].filter(([, h]) => h.isEventHandler).map(([pattern]) => pattern);
    this.streams = types.map((t) => streamKey(this.options.streamPrefix, t));
    const groups = this.options.clusterNodes?.length ? this.streams.map((s) => [s]) : this.streams.length > 0 ? [this.streams] : [];
    this.client = connect();
    this.readers = groups.map((streams) => ({ client: connect(), streams }));
    for (const c of this.connections()) c.on('error', (e: Error) => (this.lastError = e.message));
    await Promise.all(this.connections().map((c) => c.connect()));
    await ensureGroups(this.client, this.streams, this.options.group);
    if (this.closing) return;
    this.running = true;
    this.state = 'running';
    if (this.streams.length === 0) return;
    this.loops = this.readers.map((reader) => this.readLoop(reader));
    // Checked at least every retryBaseMs, so the shortest retry delays keep their spacing.
    this.claimTimer = setInterval(() => this.track(this.claimTick()), Math.min(this.options.claimIntervalMs, this.options.retryBaseMs));
  }

  /** Stops reading, lets in-flight handlers finish and acknowledge, then disconnects. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (!this.running) return this.disconnectAll();
    this.running = false;
    if (this.claimTimer) clearInterval(this.claimTimer);
    for (const reader of this.blocked) reader.disconnect();
    await Promise.all(this.loops);
    await Promise.allSettled([...this.inFlight]);
    this.state = 'stopped';
    await this.client?.quit().catch(() => this.client?.disconnect());
    for (const reader of this.readers) reader.client.disconnect();
  }

  private connections(): RedisClient[] {
    return [...(this.client ? [this.client] : []), ...this.readers.map((r) => r.client)];
  }

  private disconnectAll(): void {
    for (const c of this.connections()) c.disconnect();
  }

  /**
   * Transport health and consumer lag per stream, for `/ready`: down while a connection is
   * not up, while reads fail (e.g. `NOGROUP` until the group is made again) and while a
   * stream or the group is missing.
   */
  async health(): Promise<Record<string, unknown>> {
    if (this.state !== 'running' || !this.client) throw new Error(`consumer is ${this.state}${this.lastError ? `: ${this.lastError}` : ''}`);
    const down = this.connections().find((c) => c.status !== 'ready');
    if (down) throw new Error(`cannot read: Redis connection is ${down.status}${this.lastError ? ` (${this.lastError})` : ''}`);
    if (this.readError) throw new Error(`cannot read: ${this.readError}`);
    const streams = await withTimeout(groupStates(this.client, this.streams, this.options.group), HEALTH_TIMEOUT_MS, 'cannot read: Redis did not answer');
    return { group: this.options.group, consumer: this.options.consumer, streams };
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async readLoop({ client: reader, streams }: { client: RedisClient; streams: string[] }): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.blocked.add(reader);
        const reply = (await reader.xreadgroup(
          'GROUP', this.options.group, this.options.consumer,
          'COUNT', this.options.batchSize, 'BLOCK', this.options.blockMs,
          'STREAMS', ...streams, ...streams.map(() => '>'),
        )) as Array<[string, Entry[]]> | null;
        this.blocked.delete(reader);
        failures = 0;
        this.readError = undefined;
        if (!reply) continue;
        const batch = reply.flatMap(([stream, entries]) => entries.map(([id, fields]) => ({ stream, id, fields, deliveries: 1 })));
        const work = this.processBatch(batch);
        this.track(work);
        await work;
      } catch (error) {
        this.blocked.delete(reader);
        if (!this.running) break;
        failures += 1;
        this.lastError = this.readError = messageOf(error);
        this.logger.warn?.(`read failed (${failures} in a row): ${this.lastError}`);
        if (isMissingGroup(error) && (await this.recreateGroups())) continue;
        await sleep(backoffMs(failures + 1, { baseMs: 100, maxMs: 5_000 }));
      }
    }
  }

  /** Claims due pending messages (failed handlers after their backoff, dead consumers' after `claimIdleMs`) and retries them. */
  private async claimTick(): Promise<void> {
    if (this.claiming || !this.running) return;
    this.claiming = true;
    try {
      const forget = Date.now() - this.lastForget >= this.options.claimIntervalMs;
      if (forget) this.lastForget = Date.now();
      for (const stream of this.streams) {
        const claimed = await claimDue(this.client!, stream, this.options, this.cursors, this.active);
        if (claimed.length > 0) await this.processBatch(claimed);
        else if (forget) await forgetDeadConsumers(this.client!, stream, this.options);
      }
    } catch (error) {
      this.lastError = messageOf(error);
      this.logger.warn?.(`claim failed: ${this.lastError}`);
      if (isMissingGroup(error)) await this.recreateGroups();
    } finally {
      this.claiming = false;
    }
  }

  /** The group or its stream is gone (Redis lost its data): make them again and read on. */
  private async recreateGroups(): Promise<boolean> {
    try {
      await ensureGroups(this.client!, this.streams, this.options.group);
      this.logger.warn?.(`consumer group "${this.options.group}" was missing; created it again on ${this.streams.join(', ')}`);
      return true;
    } catch (error) {
      this.lastError = messageOf(error);
      return false;
    }
  }

  /**
   * Handles a batch: invalid or exhausted messages to the DLQ, the rest through the inbox in
   * up to {@link INBOX_CHUNKS} transactions (events of one aggregate in order); then XACK.
   */
  private async processBatch(batch: StreamMessage[]): Promise<void> {
    const keys = batch.map((m) => `${m.stream} ${m.id}`);
    for (const key of keys) this.active.add(key);
    try {
      await this.handleBatch(batch);
    } finally {
      for (const key of keys) this.active.delete(key);
    }
  }

  private async handleBatch(batch: StreamMessage[]): Promise<void> {
    const acks = new Map<string, string[]>();
    const runs: Array<HandlerRun & { message: StreamMessage }> = [];
    for (const message of batch) {
      const run = await this.prepare(message);
      if (run) runs.push(run);
    }
    const errors = await runEventHandlers(runs, this.options.inbox, this.options.group, INBOX_CHUNKS);
    for (const [i, run] of runs.entries()) {
      const { message } = run;
      if (errors[i] === null) acks.set(message.stream, [...(acks.get(message.stream) ?? []), message.id]);
      // A failed handler is retried later with backoff, or dead-lettered after maxDeliveries.
      else if ((await recordFailure(this.client!, message, messageOf(errors[i]), this.options)) === 'dead') await this.deadLetter(message, messageOf(errors[i]));
    }
    if (acks.size === 0) return;
    const multi = this.client!.multi();
    for (const [stream, ids] of acks) multi.xack(stream, this.options.group, ...ids).hdel(errorsKey(stream, this.options.group), ...ids);
    await multi.exec();
  }

  /** Validates a message; dead-letters it when invalid or out of deliveries, else returns the handler run. */
  private async prepare(message: StreamMessage): Promise<(HandlerRun & { message: StreamMessage }) | undefined> {
    const type = typeOfStream(this.options.streamPrefix, message.stream);
    let envelope: EventEnvelope;
    try {
      envelope = readEnvelope(message, type, this.options.contracts);
    } catch (error) {
      await this.deadLetter(message, `invalid event: ${messageOf(error)}`);
      return undefined;
    }
    if (message.deliveries > this.options.maxDeliveries) {
      const last = parseFailure(await this.client!.hget(errorsKey(message.stream, this.options.group), message.id));
      await this.deadLetter(message, last?.error ?? 'handler did not finish (consumer died or timed out)');
      return undefined;
    }
    const handler = this.getHandlerByPattern(type) as EventHandlerFn | null;
    if (!handler) return undefined;
    const ctx = new RedisStreamsContext([message.stream, message.id, envelope, message.deliveries]);
    return { handler, envelope, ctx, message };
  }

  private async deadLetter(message: StreamMessage, error: string): Promise<void> {
    this.logger.error?.(`dead-lettering ${message.stream} ${message.id} after ${message.deliveries} deliveries: ${error}`);
    await deadLetter(this.client!, message, error, this.options.group);
  }
}
