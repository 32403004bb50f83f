import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@mikasmissions/persistence';
import { Cluster, type Redis } from 'ioredis';
import type { StreamAudit } from '../../ports/event-transport';
import type { OutboxRecord } from '../../ports/outbox-store';
import { epochKey, streamKey } from './stream-keys';

/** Compares two stream ids (`<ms>-<seq>`). */
export function compareStreamIds(a: string, b: string): number {
  const [am, as = 0n] = a.split('-').map(BigInt);
  const [bm, bs = 0n] = b.split('-').map(BigInt);
  if (am !== bm) return am < bm ? -1 : 1;
  return as === bs ? 0 : as < bs ? -1 : 1;
}

/**
 * Tells which published outbox rows Redis no longer holds: a row whose recorded epoch is not
 * the stream's current one was written before Redis lost its data; one of the current epoch
 * is lost when its stream is gone, or when its id is not older than the stream's first entry
 * (so not trimmed by `MAXLEN`) and `XRANGE id id` finds nothing (e.g. the last second an
 * `appendfsync everysec` Redis did not write before it crashed). Rows without a recorded
 * entry (published before entries were recorded) cannot be checked and count as held.
 */
export class RedisStreamAudit implements StreamAudit {
  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
  ) {}

  /** The server's `run_id`; on a Redis Cluster the masters' run ids, sorted, so a restart of any one of them shows. */
  async serverRun(): Promise<string> {
    const runOf = async (node: Pick<Redis, 'info'>) => /run_id:(\w+)/.exec(await node.info('server'))?.[1] ?? 'unknown';
    if (!(this.redis instanceof Cluster)) return runOf(this.redis);
    return (await Promise.all(this.redis.nodes('master').map(runOf))).sort().join(',');
  }

  async epoch(type: string): Promise<string> {
    const key = epochKey(streamKey(this.prefix, type));
    const epoch = (await this.redis.multi().set(key, randomUUID(), 'NX').get(key).exec())?.[1]?.[1];
    if (typeof epoch !== 'string') throw new Error(`could not read the epoch of ${key}`);
    return epoch;
  }

  async lost(records: OutboxRecord[]): Promise<string[]> {
    const byType = new Map<string, OutboxRecord[]>();
    for (const r of records) if (r.streamEntry) byType.set(r.type, [...(byType.get(r.type) ?? []), r]);
    const lost: string[] = [];
    for (const [type, rows] of byType) {
      const epoch = await this.epoch(type);
      const current = rows.filter((r) => r.streamEntry!.epoch === epoch);
      lost.push(...rows.filter((r) => r.streamEntry!.epoch !== epoch).map((r) => r.id));
      if (current.length > 0) lost.push(...(await this.missing(streamKey(this.prefix, type), current)));
    }
    return lost;
  }

  private async missing(stream: string, rows: OutboxRecord[]): Promise<string[]> {
    const [first] = (await this.redis.xrange(stream, '-', '+', 'COUNT', 1)) as Array<[string, string[]]>;
    if (!first) return rows.map((r) => r.id);
    const held = rows.filter((r) => compareStreamIds(r.streamEntry!.id, first[0]) >= 0);
    if (held.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const r of held) pipeline.xrange(stream, r.streamEntry!.id, r.streamEntry!.id, 'COUNT', 1);
    const replies = (await pipeline.exec()) ?? [];
    return held
      .filter((_, i) => {
        const [error, entries] = replies[i] ?? [new Error('no reply')];
        if (error) throw error;
        return (entries as unknown[]).length === 0;
      })
      .map((r) => r.id);
  }
}
