import type { RedisClient } from '@mikasmissions/persistence';
import { backoffMs } from '../backoff';
import { errorsKey, type StreamMessage } from './stream-message';

/** Share of the backoff delay added at random, so messages that failed together do not retry together. */
export const RETRY_JITTER = 0.25;
/** XPENDING pages looked at per stream and claim round. */
const MAX_PAGES = 10;

/**
 * Idle time a message whose handler failed on delivery `deliveries` waits before it is
 * redelivered: `min(baseMs · 2^(deliveries-1), maxMs)` plus up to {@link RETRY_JITTER} of that at random.
 */
export function retryDelayMs(deliveries: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return backoffMs(deliveries, { baseMs, maxMs, jitter: [1, 1 + RETRY_JITTER] }, random);
}

/** What the consumer keeps (in {@link errorsKey}) about a pending message whose handler failed. */
export interface DeliveryFailure {
  error: string;
  /** The delivery that failed; a later delivery count means the message is being retried. */
  deliveries?: number;
  /** Idle time after the failure before the retry. */
  retryAfterMs?: number;
}

/** Serialises a {@link DeliveryFailure} for the errors hash. */
export const encodeFailure = (failure: DeliveryFailure): string => JSON.stringify(failure);

/** Reads a value of the errors hash; a plain string (written before backoff existed) is an error without retry data. */
export function parseFailure(raw: string | null | undefined): DeliveryFailure | undefined {
  if (raw === null || raw === undefined) return undefined;
  try {
    const value = JSON.parse(raw) as unknown;
    if (value && typeof value === 'object' && typeof (value as DeliveryFailure).error === 'string') return value as DeliveryFailure;
  } catch {
    // not JSON: an error stored as plain text
  }
  return { error: raw };
}

/** A pending message ready to be claimed: `minIdleMs` is the idle time XCLAIM must still see. */
export interface DuePending {
  id: string;
  deliveries: number;
  minIdleMs: number;
}

/** Settings of {@link findDuePending}. */
export interface DuePendingOptions {
  group: string;
  /** Idle time after which a message without a failure of its current delivery is claimed (dead consumer, hung handler). */
  claimIdleMs: number;
  /** Smallest retry delay (the XPENDING IDLE filter). */
  retryBaseMs: number;
  /** Most messages to return. */
  limit: number;
  /** Where to resume in the pending list (`-` = from the start). */
  cursor: string;
}

/**
 * Lists pending messages that are due (extended `XPENDING … IDLE`): one whose last delivery
 * failed waits for the backoff recorded with its failure, any other (its consumer died or is
 * still running it) for `claimIdleMs`. Returns the due messages and the cursor for the next round.
 */
export async function findDuePending(
  client: RedisClient,
  stream: string,
  o: DuePendingOptions,
): Promise<{ due: DuePending[]; cursor: string }> {
  const due: DuePending[] = [];
  let start = o.cursor;
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const entries = (await client.xpending(stream, o.group, 'IDLE', Math.min(o.claimIdleMs, o.retryBaseMs), start, '+', o.limit)) as Array<
      [string, string, number, number]
    >;
    if (entries.length === 0) return { due, cursor: '-' };
    const failures = await client.hmget(errorsKey(stream, o.group), ...entries.map(([id]) => id));
    for (const [i, [id, , idle, count]] of entries.entries()) {
      const failure = parseFailure(failures[i]);
      const deliveries = Number(count);
      const wait = failure?.deliveries === deliveries && failure.retryAfterMs !== undefined ? failure.retryAfterMs : o.claimIdleMs;
      if (Number(idle) >= wait) due.push({ id, deliveries, minIdleMs: wait });
      if (due.length >= o.limit) return { due, cursor: `(${id}` };
    }
    if (entries.length < o.limit) return { due, cursor: '-' };
    start = `(${entries[entries.length - 1][0]}`;
  }
  return { due, cursor: start };
}

/** Removes consumers of dead replicas (nothing pending, silent for `staleConsumerMs`) from the group of `stream`. */
export async function forgetDeadConsumers(
  client: RedisClient,
  stream: string,
  o: { group: string; consumer: string; staleConsumerMs: number },
): Promise<void> {
  const consumers = (await client.xinfo('CONSUMERS', stream, o.group)) as Array<Array<string | number>>;
  for (const fields of consumers) {
    const info: Record<string, string | number> = {};
    for (let i = 0; i + 1 < fields.length; i += 2) info[String(fields[i])] = fields[i + 1];
    const idle = Number(info.inactive ?? info.idle);
    if (info.name !== o.consumer && Number(info.pending) === 0 && idle >= o.staleConsumerMs) {
      await client.xgroup('DELCONSUMER', stream, o.group, String(info.name));
    }
  }
}

/**
 * `XCLAIM`s `due` entries of `stream` for `consumer`, each only if still idle for its own
 * `minIdleMs` (so two replicas never both take one). Entries deleted from the stream are
 * acknowledged and forgotten; the rest come back as messages with their delivery count.
 */
export async function claimEntries(
  client: RedisClient,
  stream: string,
  o: { group: string; consumer: string },
  due: DuePending[],
): Promise<StreamMessage[]> {
  const pipeline = client.pipeline();
  for (const { id, minIdleMs } of due) pipeline.xclaim(stream, o.group, o.consumer, minIdleMs, id);
  const replies = (await pipeline.exec()) ?? [];
  const claimed: StreamMessage[] = [];
  const deleted: string[] = [];
  for (const [i, [error, reply]] of replies.entries()) {
    if (error) throw error;
    const [entry] = reply as Array<[id: string, fields: string[] | null] | null>;
    if (entry === undefined) continue; // taken by another consumer, or deleted (Redis 7 drops it from the PEL)
    if (entry === null || entry[1] === null) deleted.push(due[i].id);
    else claimed.push({ stream, id: entry[0], fields: entry[1], deliveries: due[i].deliveries + 1 });
  }
  if (deleted.length) {
    await client
      .multi()
      .xack(stream, o.group, ...deleted)
      .hdel(errorsKey(stream, o.group), ...deleted)
      .exec();
  }
  return claimed;
}

/**
 * `XCLAIM`s the due messages of `stream` (from where the last scan stopped, kept in `cursors`),
 * each only if still idle long enough (another replica may have taken it) and not being handled
 * here already (`active` holds `"<stream> <id>"`).
 */
export async function claimDue(
  client: RedisClient,
  stream: string,
  o: { group: string; consumer: string; claimIdleMs: number; retryBaseMs: number; batchSize: number },
  cursors: Map<string, string>,
  active: ReadonlySet<string>,
): Promise<StreamMessage[]> {
  const { due, cursor } = await findDuePending(client, stream, {
    group: o.group,
    claimIdleMs: o.claimIdleMs,
    retryBaseMs: o.retryBaseMs,
    limit: o.batchSize,
    cursor: cursors.get(stream) ?? '-',
  });
  cursors.set(stream, cursor);
  const mine = due.filter(({ id }) => !active.has(`${stream} ${id}`));
  return mine.length === 0 ? [] : claimEntries(client, stream, o, mine);
}
