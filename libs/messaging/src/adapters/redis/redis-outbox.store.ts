import type Redis from 'ioredis';
import type { EventEnvelope } from '../../event-envelope';
import {
  OutboxStore,
  type OutboxClaim,
  type OutboxRecord,
  type OutboxStats,
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
 * sorted sets of pending (scored by due time) and failed rows. A claim leases rows for
 * `leaseMs` in one Lua step, so two relays never take the same row while the lease lasts.
 * Writes happen when the handler succeeded (buffered by the unit of work), atomically (MULTI).
 */
export class RedisOutboxStore extends OutboxStore {
  readonly kind = 'redis' as const;
  readonly transactional = false;
  private readonly signal = new WorkSignal();

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly leaseMs = 30_000,
  ) {
    super();
  }

  private key(name: 'pending' | 'records' | 'failed' | 'seq' | 'published'): string {
    return `${this.prefix}outbox:${name}`;
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
            multi.zrem(this.key('pending'), record.id).hdel(this.key('records'), record.id).incr(this.key('published'));
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
        multi.zrem(this.key('failed'), row.id).zadd(this.key('pending'), Date.now(), row.id).hset(this.key('records'), row.id, JSON.stringify(row));
      }
      await multi.exec();
    }
    return rows.map(({ seq: _seq, ...r }) => r);
  }

  async stats(): Promise<OutboxStats> {
    const [pending, failed, published] = await Promise.all([
      this.redis.zcard(this.key('pending')),
      this.redis.zcard(this.key('failed')),
      this.redis.get(this.key('published')),
    ]);
    return { pending, failed, published: Number(published ?? 0) };
  }

  waitForWork(timeoutMs: number): Promise<void> {
    return this.signal.wait(timeoutMs);
  }

  override async close(): Promise<void> {
    this.signal.release();
  }

  private async failed(limit: number): Promise<Stored[]> {
    const ids = await this.redis.zrange(this.key('failed'), 0, limit - 1);
    if (ids.length === 0) return [];
    const raw = await this.redis.hmget(this.key('records'), ...ids);
    return raw.filter((r): r is string => r !== null).map((r) => JSON.parse(r) as Stored);
  }
}
