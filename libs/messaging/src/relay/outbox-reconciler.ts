import { Logger } from '@nestjs/common';
import type { StreamAudit } from '../ports/event-transport';
import type { OutboxStore, StreamEntryRef } from '../ports/outbox-store';

/** Settings of {@link OutboxReconciler}. */
export interface ReconcilerOptions {
  /** Published rows are kept (and checked) this long, then pruned. */
  publishedRetentionMs: number;
  /** Rows per page of a check and per prune. */
  batchSize: number;
}

/** Prune rounds per reconcile round (each up to `batchSize` rows). */
const PRUNE_PAGES = 20;

/**
 * Finds published outbox rows the transport lost and sends them again. Each round it asks
 * the transport for its server run and the epoch of every stream it knows; when one changed
 * (a restart, a failover, a flush: the stream's marker is new), or on the first round, it
 * checks every row published within `publishedRetentionMs` and moves the lost ones back to
 * pending. The relay re-sends them; consumers' inboxes drop what arrives twice. Then it
 * prunes published rows older than the retention window.
 */
export class OutboxReconciler {
  private readonly logger = new Logger('OutboxReconciler');
  private run?: string;
  private readonly epochs = new Map<string, string>();
  private dirty = true;

  constructor(
    private readonly store: OutboxStore,
    private readonly audit: StreamAudit,
    private readonly options: ReconcilerOptions,
  ) {}

  /** The relay published to `type` in `entry`'s epoch: a type not seen yet or a new epoch means a check is due. */
  observe(type: string, entry: StreamEntryRef): void {
    if (this.epochs.get(type) === entry.epoch) return;
    this.epochs.set(type, entry.epoch);
    this.dirty = true;
  }

  /** One round: detect a reset, re-send what was lost, prune; returns how many rows were sent again. */
  async reconcileOnce(): Promise<number> {
    const run = await this.audit.serverRun();
    if (run !== this.run) this.dirty = true;
    this.run = run;
    for (const [type, known] of this.epochs) {
      const epoch = await this.audit.epoch(type);
      if (epoch !== known) this.dirty = true;
      this.epochs.set(type, epoch);
    }
    let resent = 0;
    if (this.dirty) {
      this.dirty = false;
      resent = await this.check().catch((error: unknown) => {
        this.dirty = true;
        throw error;
      });
      if (resent > 0) this.logger.warn(`re-sent ${resent} published events the transport no longer holds`);
    }
    for (let page = 0; page < PRUNE_PAGES; page += 1) {
      if ((await this.store.prunePublished(this.options.publishedRetentionMs, this.options.batchSize)) < this.options.batchSize) break;
    }
    return resent;
  }

  private async check(): Promise<number> {
    let resent = 0;
    let after: string | null = null;
    do {
      const page = await this.store.listPublished({ withinMs: this.options.publishedRetentionMs, limit: this.options.batchSize, after });
      for (const type of new Set(page.records.map((r) => r.type))) {
        if (!this.epochs.has(type)) this.epochs.set(type, await this.audit.epoch(type));
      }
      resent += await this.store.republish(await this.audit.lost(page.records));
      after = page.next;
    } while (after !== null);
    return resent;
  }
}
