import type { RedisClient } from '@mikasmissions/persistence';
import type { EventEnvelope } from '../../event-envelope';
import {
  OutboxStore,
  type OutboxClaim,
  type OutboxRecord,
  type OutboxStats,
  type PublishedPage,
  type RelayOutcome,
  type RequeueOptions,
} from '../../ports/outbox-store';
import { WorkSignal } from '../../relay/work-signal';

type Stored = OutboxRecord & { seq: number };

const CLAIM = `
local ids = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
local out = {}
for _, id in ipairs(ids) do
  redis.call('ZADD', KEYS[1], ARGV[3], id)
  local rec = redis.call('HGET', KEYS[2], id)
  if rec then table.insert(out, rec) end
end
return out`;

/**
 * Outbox in Redis (services with `REDIS_URL` but no `DATABASE_URL`): a hash of records and
 * sorted sets of pending (scored by due time), failed and published rows (both by write order).
 * Published rows stay for the retention window, like the other stores', but they live in the
 * same Redis as the streams: a Redis that loses its data loses this outbox too. A claim leases rows for
 * `leaseMs` in one Lua step, so two relays never take the same row while the lease lasts.
 * Writes happen when the handler succeeded (buffered by the unit of work), atomically (MULTI).
 * Every key carries the hash tag `{outbox}` (`<prefix>{outbox}:pending`…), so the claim script
 * and each `MULTI` stay in one slot of a Redis Cluster.
 */
export class RedisOutboxStore extends OutboxStore {
  readonly kind = 'redis' as const;
  readonly transactional = false;
  private readonly signal = new WorkSignal();

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly leaseMs = 30_000,
  ) {
    super();
  }

  private key(name: 'pending' | 'records' | 'failed' | 'seq' | 'done'): string {
    return `${this.prefix}{outbox}:${name}`;
  }

  async append(envelopes: EventEnvelope[]): Promise<void> {
    if (envelopes.length === 0) return;
    const last = await this.redis.incrby(this.key('seq'), envelopes.length);
    const now = Date.now();
    const multi = this.redis.multi();
    envelopes.forEach((envelope, i) => {
      const record: Stored = {
        id: envelope.id,
        type: envelope.type,
        aggregateId: envelope.aggregateId ?? null,
        envelope,
        status: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: new Date(now).toISOString(),
        publishedAt: null,
        streamEntry: null,
        seq: last - envelopes.length + i + 1,
      };
      multi.hset(this.key('records'), envelope.id, JSON.stringify(record));
      multi.zadd(this.key('pending'), now, envelope.id);
    });
    await multi.exec();
    this.wake();
  }

  wake(): void {
    this.signal.notify();
  }

  async claim(limit: number): Promise<OutboxClaim> {
    const now = Date.now();
    const raw = (await this.redis.eval(CLAIM, 2, this.key('pending'), this.key('records'), now, limit, now + this.leaseMs)) as string[];
    const stored = raw.map((r) => JSON.parse(r) as Stored).sort((a, b) => a.seq - b.seq);
    let done = false;
    const release = async () => {
      if (done) return;
      done = true;
      if (stored.length === 0) return;
      const multi = this.redis.multi();
      for (const r of stored) multi.zadd(this.key('pending'), 'XX', Date.now(), r.id);
      await multi.exec();
    };
    return {
      records: stored.map(({ seq: _seq, ...r }) => r),
      release,
      complete: async (outcomes: RelayOutcome[]) => {
        if (done) return;
        done = true;
        const byId = new Map(stored.map((r) => [r.id, r]));
        const multi = this.redis.multi();
        for (const outcome of outcomes) {
          const record = byId.get(outcome.id);
          if (!record) continue;
          record.attempts += 1;
          if (outcome.ok) {
            Object.assign(record, { status: 'published', publishedAt: new Date().toISOString(), streamEntry: outcome.entry ?? null });
            multi
              .zrem(this.key('pending'), record.id)
              .hset(this.key('records'), record.id, JSON.stringify(record))
              .zadd(this.key('done'), record.seq, record.id);
            continue;
          }
          record.lastError = outcome.error;
          record.status = outcome.fail ? 'failed' : 'pending';
          multi.hset(this.key('records'), record.id, JSON.stringify(record));
          if (outcome.fail) multi.zrem(this.key('pending'), record.id).zadd(this.key('failed'), record.seq, record.id);
          else multi.zadd(this.key('pending'), Date.now() + outcome.retryInMs, record.id);
        }
        await multi.exec();
      },
    };
  }

  async listFailed(limit: number): Promise<OutboxRecord[]> {
    return (await this.failed(limit)).map(({ seq: _seq, ...r }) => r);
  }

  async requeueFailed(options: RequeueOptions): Promise<OutboxRecord[]> {
    const rows = await this.failed(options.limit);
    if (!options.dryRun && rows.length > 0) {
      const multi = this.redis.multi();
      for (const row of rows) {
        row.status = 'pending';
        if (options.resetAttempts) row.attempts = 0;
        multi
          .zrem(this.key('failed'), row.id)
          .zadd(this.key('pending'), Date.now(), row.id)
          .hset(this.key('records'), row.id, JSON.stringify(row));
      }
      await multi.exec();
    }
    return rows.map(({ seq: _seq, ...r }) => r);
  }

  async stats(): Promise<OutboxStats> {
    const [pending, failed, published] = await Promise.all([
      this.redis.zcard(this.key('pending')),
      this.redis.zcard(this.key('failed')),
      this.redis.zcard(this.key('done')),
    ]);
    return { pending, failed, published };
  }

  async listPublished(query: { withinMs: number; limit: number; after?: string | null }): Promise<PublishedPage> {
    const ids = await this.redis.zrangebyscore(this.key('done'), `(${query.after ?? 0}`, '+inf', 'LIMIT', 0, query.limit);
    const since = Date.now() - query.withinMs;
    const stored = await this.records(ids);
    const records = stored.filter((r) => r.publishedAt && Date.parse(r.publishedAt) > since).map(({ seq: _seq, ...r }) => r);
    return { records, next: ids.length < query.limit ? null : String(stored[stored.length - 1]?.seq ?? query.after ?? 0) };
  }

  async republish(ids: string[]): Promise<number> {
    const rows = (await this.records(ids)).filter((r) => r.status === 'published');
    if (rows.length === 0) return 0;
    const multi = this.redis.multi();
    for (const row of rows) {
      row.status = 'pending';
      multi
        .zrem(this.key('done'), row.id)
        .zadd(this.key('pending'), Date.now(), row.id)
        .hset(this.key('records'), row.id, JSON.stringify(row));
    }
    await multi.exec();
    this.wake();
    return rows.length;
  }

  async prunePublished(olderThanMs: number, limit: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    const oldest = await this.records(await this.redis.zrange(this.key('done'), 0, limit - 1));
    const old = oldest.filter((r) => r.publishedAt && Date.parse(r.publishedAt) < cutoff);
    if (old.length === 0) return 0;
    const ids = old.map((r) => r.id);
    await this.redis
      .multi()
      .zrem(this.key('done'), ...ids)
      .hdel(this.key('records'), ...ids)
      .exec();
    return old.length;
  }

  waitForWork(timeoutMs: number): Promise<void> {
    return this.signal.wait(timeoutMs);
  }

  override async close(): Promise<void> {
    this.signal.release();
  }

  private async failed(limit: number): Promise<Stored[]> {
    return this.records(await this.redis.zrange(this.key('failed'), 0, limit - 1));
  }

  private async records(ids: string[]): Promise<Stored[]> {
    if (ids.length === 0) return [];
    const raw = await this.redis.hmget(this.key('records'), ...ids);
    return raw.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as Stored);
  }
}
