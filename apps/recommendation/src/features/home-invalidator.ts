import { Inject, Injectable, Logger, type OnModuleDestroy, Optional } from '@nestjs/common';
import { CacheService } from '@mikasmissions/cache';
import { SqlTransactions } from '@mikasmissions/persistence';
import { ALL_HOMES_TAG, childHomeTag } from '../rails/home-cache';

/** How long after a consumer's write the child's home is dropped once more (the inbox commit window). */
const AFTER_COMMIT_MS = 1_000;

/**
 * Drops cached homes after a consumer changed what they are built from. Inside the inbox's
 * transaction the write is not visible yet, and the messaging lib has no after-commit hook, so
 * the tag is dropped at once and once more {@link AFTER_COMMIT_MS} later: a home recomputed
 * from the old rows in between does not outlive the commit by more than that.
 */
@Injectable()
export class HomeInvalidator implements OnModuleDestroy {
  private readonly logger = new Logger(HomeInvalidator.name);
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly cache: CacheService,
    @Optional() @Inject(SqlTransactions) private readonly sql: SqlTransactions | null,
  ) {}

  /** One child's features changed (progress, controls): its homes are dropped. */
  async child(childProfileId: string): Promise<void> {
    await this.drop(() => this.cache.invalidateTag(childHomeTag(childProfileId)));
  }

  /** The catalog grew: every home goes stale (served within SWR while one refresh runs). */
  async catalogChanged(): Promise<void> {
    await this.drop(() => this.cache.expireByTag(ALL_HOMES_TAG));
  }

  onModuleDestroy(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async drop(run: () => Promise<number>): Promise<void> {
    await run();
    if (!this.sql?.active()) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      run().catch((error: unknown) => this.logger.warn(`home invalidation after commit failed: ${String(error)}`));
    }, AFTER_COMMIT_MS);
    timer.unref();
    this.timers.add(timer);
  }
}
