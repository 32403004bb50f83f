import { Logger } from '@nestjs/common';
import { backoffMs } from '../backoff';
import type { EventTransport } from '../ports/event-transport';
import type { OutboxRecord, OutboxStore, RelayOutcome } from '../ports/outbox-store';
import type { RelayOptions } from '../messaging.options';

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
 * order, then mark published — or back off exponentially, and after `maxAttempts` mark the
 * row `failed` with its last error. Wakes on the store's notification or polls.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private readonly logger = new Logger('OutboxRelay');

  constructor(
    private readonly store: OutboxStore,
    private readonly transport: EventTransport,
    private readonly options: RelayOptions,
  ) {}

  /** Starts the background loop. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the batch in flight; resolves when the loop has ended. */
  async stop(): Promise<void> {
    this.running = false;
    await this.store.close();
    await this.loop;
  }

  /** One claim → publish → complete round; returns how many rows it handled. */
  async drainOnce(): Promise<number> {
    const claim = await this.store.claim(this.options.batchSize);
    if (claim.records.length === 0) return 0;
    let outcomes: RelayOutcome[];
    try {
      const errors = await this.transport.publish(claim.records.map((r) => r.envelope));
      outcomes = claim.records.map((record, i) => this.outcome(record, errors[i] ?? null));
    } catch (error) {
      outcomes = claim.records.map((record) => this.outcome(record, error instanceof Error ? error.message : String(error)));
    }
    await claim.complete(outcomes);
    return claim.records.length;
  }

  private outcome(record: OutboxRecord, error: string | null): RelayOutcome {
    if (error === null) return { id: record.id, ok: true };
    const attempt = record.attempts + 1;
    const fail = attempt >= this.options.maxAttempts;
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
}
