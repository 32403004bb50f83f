import { Logger } from '@nestjs/common';
import { backoffMs } from '../backoff';
import type { EventTransport, PublishResult } from '../ports/event-transport';
import type { OutboxRecord, OutboxStore, RelayOutcome } from '../ports/outbox-store';
import type { RelayOptions } from '../messaging.options';
import { OutboxReconciler } from './outbox-reconciler';

/** Delay before retry number `attempt` (1-based): base·2^(attempt-1), capped, ±20 % jitter. */
export function relayBackoffMs(attempt: number, options: Pick<RelayOptions, 'backoffBaseMs' | 'backoffMaxMs'>): number {
  return backoffMs(attempt, { baseMs: options.backoffBaseMs, maxMs: options.backoffMaxMs, jitter: [0.8, 1.2] });
}

/** Longest pause between two relay rounds that failed as a whole (the store is down): a few seconds, so the relay resumes soon after Postgres does. */
export const RELAY_ROUND_RETRY_MAX_MS = 2_000;

/** Delay after the `failures`-th round in a row that failed (claim or complete threw): the relay backoff, capped by {@link RELAY_ROUND_RETRY_MAX_MS}. */
export function relayRoundRetryMs(failures: number, options: Pick<RelayOptions, 'backoffBaseMs' | 'backoffMaxMs'>): number {
  return Math.min(relayBackoffMs(failures, options), RELAY_ROUND_RETRY_MAX_MS);
}

/**
 * Moves pending outbox rows to the transport in batches: claim (exclusive), publish in
 * order, then mark published with the stream entry — or back off exponentially, and after
 * `maxAttempts` mark the row `failed` with its last error (never while the transport is
 * unreachable: those rows wait, retried at most `backoffMaxMs` apart, however long it lasts). Wakes on the store's notification
 * or polls. With a transport that can be audited (Redis Streams), an {@link OutboxReconciler}
 * runs every `reconcileIntervalMs` and sends again what the transport lost.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private reconcileLoop?: Promise<void>;
  private readonly logger = new Logger('OutboxRelay');
  private readonly reconciler: OutboxReconciler | null;
  private readonly sleeper = { wake: () => undefined as void, timer: undefined as NodeJS.Timeout | undefined };

  constructor(
    private readonly store: OutboxStore,
    private readonly transport: EventTransport,
    private readonly options: RelayOptions,
  ) {
    const audit = transport.audit();
    this.reconciler = audit ? new OutboxReconciler(store, audit, options) : null;
  }

  /** Starts the background loops (relay, reconciler). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    if (this.reconciler) this.reconcileLoop = this.reconcile(this.reconciler);
  }

  /** Stops after the batch in flight; resolves when the loops have ended. */
  async stop(): Promise<void> {
    this.running = false;
    this.sleeper.wake();
    await this.store.close();
    await Promise.all([this.loop, this.reconcileLoop]);
  }

  /** One reconcile round (see {@link OutboxReconciler}); 0 without an auditable transport. */
  async reconcileOnce(): Promise<number> {
    return this.reconciler ? this.reconciler.reconcileOnce() : 0;
  }

  /** One claim → publish → complete round; returns how many rows it handled. */
  async drainOnce(): Promise<number> {
    const claim = await this.store.claim(this.options.batchSize);
    if (claim.records.length === 0) return 0;
    let outcomes: RelayOutcome[];
    try {
      const results = await this.transport.publish(claim.records.map((r) => r.envelope));
      outcomes = claim.records.map((record, i) => this.outcome(record, results[i] ?? { ok: false, error: 'no result from the transport' }));
    } catch (error) {
      outcomes = claim.records.map((record) =>
        this.outcome(record, { ok: false, error: error instanceof Error ? error.message : String(error), unavailable: true }),
      );
    }
    await claim.complete(outcomes);
    return claim.records.length;
  }

  private outcome(record: OutboxRecord, result: PublishResult): RelayOutcome {
    if (result.ok) {
      if (result.entry) this.reconciler?.observe(record.type, result.entry);
      return { id: record.id, ok: true, entry: result.entry };
    }
    const { error } = result;
    const attempt = record.attempts + 1;
    const fail = !result.unavailable && attempt >= this.options.maxAttempts;
    if (fail) this.logger.error(`outbox row ${record.id} (${record.type}) failed after ${attempt} attempts: ${error}`);
    return { id: record.id, ok: false, error, fail, retryInMs: relayBackoffMs(attempt, this.options) };
  }

  private async run(): Promise<void> {
    let errors = 0;
    while (this.running) {
      try {
        const handled = await this.drainOnce();
        errors = 0;
        if (handled >= this.options.batchSize) continue;
        if (!this.running) break;
        await this.store.waitForWork(this.options.pollIntervalMs);
      } catch (error) {
        errors += 1;
        this.logger.warn(`relay round failed (${errors} in a row): ${error instanceof Error ? error.message : String(error)}`);
        await new Promise((r) => setTimeout(r, relayRoundRetryMs(errors, this.options)));
      }
    }
  }

  private async reconcile(reconciler: OutboxReconciler): Promise<void> {
    let errors = 0;
    while (this.running) {
      try {
        await reconciler.reconcileOnce();
        errors = 0;
      } catch (error) {
        errors += 1;
        if (errors === 1 || errors % 30 === 0)
          this.logger.warn(`reconcile round failed (${errors} in a row): ${error instanceof Error ? error.message : String(error)}`);
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        this.sleeper.timer = setTimeout(resolve, this.options.reconcileIntervalMs);
        this.sleeper.wake = () => {
          clearTimeout(this.sleeper.timer);
          resolve();
        };
      });
    }
  }
}
