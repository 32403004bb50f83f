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

type Row = OutboxRecord & { seq: number; availableAt: number; leasedUntil: number };

/**
 * In-process outbox for dev:local and unit tests. Same contract as the Postgres store;
 * claims are leases (`leaseMs`), so a crashed claim is retried.
 */
export class MemoryOutboxStore extends OutboxStore {
  readonly kind = 'memory' as const;
  readonly transactional = false;
  private readonly rows = new Map<string, Row>();
  private seq = 0;
  private readonly signal = new WorkSignal();

  constructor(private readonly leaseMs = 30_000) {
    super();
  }

  async append(envelopes: EventEnvelope[]): Promise<void> {
    const now = Date.now();
    for (const envelope of envelopes) {
      this.rows.set(envelope.id, {
        id: envelope.id,
        type: envelope.type,
        aggregateId: envelope.aggregateId ?? null,
        envelope: structuredClone(envelope),
        status: 'pending',
        attempts: 0,
        lastError: null,
        createdAt: new Date(now).toISOString(),
        publishedAt: null,
        streamEntry: null,
        seq: ++this.seq,
        availableAt: now,
        leasedUntil: 0,
      });
    }
    this.wake();
  }

  wake(): void {
    this.signal.notify();
  }

  async claim(limit: number): Promise<OutboxClaim> {
    const now = Date.now();
    const blocked = new Set<string>();
    const records: Row[] = [];
    for (const row of [...this.rows.values()].sort((a, b) => a.seq - b.seq)) {
      if (row.status !== 'pending') continue;
      const aggregate = row.aggregateId;
      const free = row.availableAt <= now && row.leasedUntil <= now;
      if (aggregate !== null && blocked.has(aggregate)) continue;
      if (free && records.length < limit) records.push(row);
      else if (aggregate !== null) blocked.add(aggregate);
    }
    for (const row of records) row.leasedUntil = now + this.leaseMs;
    const release = async () => {
      for (const row of records) row.leasedUntil = 0;
    };
    return {
      records: records.map(({ seq: _s, availableAt: _a, leasedUntil: _l, ...r }) => structuredClone(r)),
      release,
      complete: async (outcomes: RelayOutcome[]) => {
        for (const outcome of outcomes) this.apply(outcome);
        await release();
      },
    };
  }

  private apply(outcome: RelayOutcome): void {
    const row = this.rows.get(outcome.id);
    if (!row) return;
    row.attempts += 1;
    if (outcome.ok) {
      row.status = 'published';
      row.publishedAt = new Date().toISOString();
      row.streamEntry = outcome.entry ?? null;
      return;
    }
    row.lastError = outcome.error;
    row.status = outcome.fail ? 'failed' : 'pending';
    row.availableAt = Date.now() + outcome.retryInMs;
  }

  async listFailed(limit: number): Promise<OutboxRecord[]> {
    return this.sorted('failed')
      .slice(0, limit)
      .map((r) => this.view(r));
  }

  async requeueFailed(options: RequeueOptions): Promise<OutboxRecord[]> {
    const rows = this.sorted('failed').slice(0, options.limit);
    if (!options.dryRun) {
      for (const row of rows) {
        row.status = 'pending';
        row.availableAt = Date.now();
        if (options.resetAttempts) row.attempts = 0;
      }
    }
    return rows.map((r) => this.view(r));
  }

  async stats(): Promise<OutboxStats> {
    const stats: OutboxStats = { pending: 0, published: 0, failed: 0 };
    for (const row of this.rows.values()) stats[row.status] += 1;
    return stats;
  }

  async listPublished(query: { withinMs: number; limit: number; after?: string | null }): Promise<PublishedPage> {
    const since = Date.now() - query.withinMs;
    const after = Number(query.after ?? 0);
    const rows = this.sorted('published')
      .filter((r) => r.seq > after && Date.parse(r.publishedAt!) > since)
      .slice(0, query.limit);
    return { records: rows.map((r) => this.view(r)), next: rows.length < query.limit ? null : String(rows[rows.length - 1].seq) };
  }

  async republish(ids: string[]): Promise<number> {
    let moved = 0;
    for (const id of ids) {
      const row = this.rows.get(id);
      if (row?.status !== 'published') continue;
      row.status = 'pending';
      row.availableAt = Date.now();
      moved += 1;
    }
    if (moved > 0) this.wake();
    return moved;
  }

  async prunePublished(olderThanMs: number, limit: number): Promise<number> {
    const cutoff = Date.now() - olderThanMs;
    const old = this.sorted('published')
      .filter((r) => Date.parse(r.publishedAt!) < cutoff)
      .slice(0, limit);
    for (const row of old) this.rows.delete(row.id);
    return old.length;
  }

  waitForWork(timeoutMs: number): Promise<void> {
    return this.signal.wait(timeoutMs);
  }

  override async close(): Promise<void> {
    this.signal.release();
  }

  private sorted(status: OutboxRecord['status']): Row[] {
    return [...this.rows.values()].filter((r) => r.status === status).sort((a, b) => a.seq - b.seq);
  }

  private view({ seq: _s, availableAt: _a, leasedUntil: _l, ...r }: Row): OutboxRecord {
    return structuredClone(r);
  }
}
