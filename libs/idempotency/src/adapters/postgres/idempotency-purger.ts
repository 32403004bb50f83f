import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { PostgresIdempotencyStore } from './postgres-idempotency.store';

/** How many batches one purge run deletes at most, so one run never holds the pool for long. */
export const PURGE_BATCHES_PER_RUN = 10;

/**
 * Deletes expired `idempotency_keys` rows every `intervalMs`: up to
 * {@link PURGE_BATCHES_PER_RUN} statements of `batchSize` rows each, stopping at the first
 * short batch. Failures (Postgres down) are logged once per outage and retried next time.
 */
export class IdempotencyPurger implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Idempotency');
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private failing = false;

  constructor(
    private readonly store: PostgresIdempotencyStore,
    private readonly intervalMs: number,
    private readonly batchSize: number,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One purge run; resolves to the number of rows deleted (0 when a run is already going or it failed). */
  runOnce(): Promise<number> {
    if (this.running) return Promise.resolve(0);
    this.running = this.purge().finally(() => (this.running = undefined));
    return this.running;
  }

  private async purge(): Promise<number> {
    let deleted = 0;
    try {
      for (let batch = 0; batch < PURGE_BATCHES_PER_RUN; batch += 1) {
        const n = await this.store.purgeExpired(this.batchSize);
        deleted += n;
        if (n < this.batchSize) break;
      }
      if (this.failing) this.logger.log('idempotency purge works again');
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.logger.warn(`idempotency purge failed: ${(error as Error).message}; retrying every ${this.intervalMs} ms`);
      this.failing = true;
    }
    return deleted;
  }
}
