import type { RedisClient } from '@mikasmissions/persistence';
import { backoffMs } from '../backoff';
import { ensureGroups, isMissingGroup } from './consumer-groups';
import { claimDue, forgetDeadConsumers } from './redelivery';
import type { StreamMessage } from './stream-message';

type Entry = [id: string, fields: string[]];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What one {@link GroupReader} reads and how. */
export interface GroupReaderOptions {
  group: string;
  consumer: string;
  streams: string[];
  batchSize: number;
  blockMs: number;
  claimIdleMs: number;
  claimIntervalMs: number;
  retryBaseMs: number;
  staleConsumerMs: number;
  /** Handles a batch read or claimed for this group (inbox, XACK, retries, DLQ). */
  process(batch: StreamMessage[]): Promise<void>;
  /** Runs work the server waits for on close. */
  track(work: Promise<void>): void;
  log(level: 'warn', message: string): void;
}

/**
 * One consumer group's reading inside a process: its own blocking connection for
 * `XREADGROUP GROUP <group>` over its streams (one group per call, so each group reads on its
 * own), the claim round of its pending entries (failed handlers after their backoff, dead
 * consumers' after `claimIdleMs`) and re-creating the group on `NOGROUP`.
 */
export class GroupReader {
  private running = false;
  private blocked = false;
  private loop?: Promise<void>;
  private claimTimer?: NodeJS.Timeout;
  private claiming = false;
  private lastForget = 0;
  private readonly cursors = new Map<string, string>();
  /** `<stream> <id>` of the messages this consumer is handling right now (never claimed from itself). */
  readonly active = new Set<string>();
  /** Why the last read failed; cleared by the next successful one. */
  readError?: string;

  constructor(
    private readonly reader: RedisClient,
    private readonly client: RedisClient,
    private readonly o: GroupReaderOptions,
  ) {}

  get group(): string {
    return this.o.group;
  }

  get streams(): readonly string[] {
    return this.o.streams;
  }

  /** The blocking connection (for health). */
  get connection(): RedisClient {
    return this.reader;
  }

  /** Creates the group on every stream where missing and starts reading. */
  async start(): Promise<void> {
    await ensureGroups(this.client, this.o.streams, this.o.group);
    this.running = true;
    if (this.o.streams.length === 0) return;
    this.loop = this.readLoop();
    // Checked at least every retryBaseMs, so the shortest retry delays keep their spacing.
    this.claimTimer = setInterval(() => this.o.track(this.claimTick()), Math.min(this.o.claimIntervalMs, this.o.retryBaseMs));
  }

  /** Stops reading (a blocked read is cut) and waits for the loop. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.claimTimer) clearInterval(this.claimTimer);
    if (this.blocked) this.reader.disconnect();
    await this.loop;
  }

  private async readLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      try {
        this.blocked = true;
        const reply = (await this.reader.xreadgroup(
          'GROUP',
          this.o.group,
          this.o.consumer,
          'COUNT',
          this.o.batchSize,
          'BLOCK',
          this.o.blockMs,
          'STREAMS',
          ...this.o.streams,
          ...this.o.streams.map(() => '>'),
        )) as Array<[string, Entry[]]> | null;
        this.blocked = false;
        failures = 0;
        this.readError = undefined;
        if (!reply) continue;
        const batch = reply.flatMap(([stream, entries]) => entries.map(([id, fields]) => ({ stream, id, fields, deliveries: 1 })));
        const work = this.process(batch);
        this.o.track(work);
        await work;
      } catch (error) {
        this.blocked = false;
        if (!this.running) break;
        failures += 1;
        this.readError = messageOf(error);
        this.o.log('warn', `read failed for group ${this.o.group} (${failures} in a row): ${this.readError}`);
        if (isMissingGroup(error) && (await this.recreate())) continue;
        await sleep(backoffMs(failures + 1, { baseMs: 100, maxMs: 5_000 }));
      }
    }
  }

  private async process(batch: StreamMessage[]): Promise<void> {
    const keys = batch.map((m) => `${m.stream} ${m.id}`);
    for (const key of keys) this.active.add(key);
    try {
      await this.o.process(batch);
    } finally {
      for (const key of keys) this.active.delete(key);
    }
  }

  private async claimTick(): Promise<void> {
    if (this.claiming || !this.running) return;
    this.claiming = true;
    try {
      const forget = Date.now() - this.lastForget >= this.o.claimIntervalMs;
      if (forget) this.lastForget = Date.now();
      for (const stream of this.o.streams) {
        const claimed = await claimDue(this.client, stream, this.o, this.cursors, this.active);
        if (claimed.length > 0) await this.process(claimed);
        else if (forget) await forgetDeadConsumers(this.client, stream, this.o);
      }
    } catch (error) {
      this.o.log('warn', `claim failed for group ${this.o.group}: ${messageOf(error)}`);
      if (isMissingGroup(error)) await this.recreate();
    } finally {
      this.claiming = false;
    }
  }

  /** The group or its stream is gone (Redis lost its data): make them again and read on. */
  private async recreate(): Promise<boolean> {
    try {
      await ensureGroups(this.client, this.o.streams, this.o.group);
      this.o.log('warn', `consumer group "${this.o.group}" was missing; created it again on ${this.o.streams.join(', ')}`);
      return true;
    } catch (error) {
      this.readError = messageOf(error);
      return false;
    }
  }
}
