import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import { DeliveryDispatcher } from '../deliveries/delivery-dispatcher';
import { DigestFlusher } from '../digest/digest-flusher';
import { notificationConfig, type NotificationEnv } from '../notification.config';

/**
 * The two schedules: delivery dispatch every `NOTIFICATION_DISPATCH_INTERVAL_MS` (and at once
 * after a new delivery is recorded, {@link kick}) and the digest flush every
 * `NOTIFICATION_DIGEST_FLUSH_MS`. A pass never overlaps itself. `NOTIFICATION_JOBS_ENABLED=false`
 * turns both off; `/internal/notifications/*` runs them on demand.
 */
@Injectable()
export class NotificationJobs implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('NotificationJobs');
  private readonly env: NotificationEnv;
  private readonly timers: NodeJS.Timeout[] = [];
  private dispatching?: Promise<unknown>;
  private flushing?: Promise<unknown>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly dispatcher: DeliveryDispatcher,
    private readonly flusher: DigestFlusher,
    config: AppConfig,
  ) {
    this.env = config.slice(notificationConfig);
  }

  onApplicationBootstrap(): void {
    if (!this.env.NOTIFICATION_JOBS_ENABLED) return;
    this.timers.push(setInterval(() => this.kick(), this.env.NOTIFICATION_DISPATCH_INTERVAL_MS).unref());
    this.timers.push(setInterval(() => void this.runFlush(), this.env.NOTIFICATION_DIGEST_FLUSH_MS).unref());
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.timers.forEach(clearInterval);
    await Promise.allSettled([this.dispatching, this.flushing]);
  }

  /** Asks for a dispatch pass now (coalesced with one already running). No-op when the jobs are off. */
  kick(): void {
    if (!this.env.NOTIFICATION_JOBS_ENABLED || this.stopped) return;
    if (this.dispatching) {
      this.again = true;
      return;
    }
    this.dispatching = this.dispatcher
      .dispatch()
      .catch((error: Error) => this.log.warn(`dispatch pass failed: ${error.message}`))
      .finally(() => {
        this.dispatching = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  private async runFlush(): Promise<void> {
    if (this.flushing || this.stopped) return;
    this.flushing = this.flusher
      .flush()
      .then((r) => r.digests > 0 && this.kick())
      .catch((error: Error) => this.log.warn(`digest flush failed: ${error.message}`))
      .finally(() => (this.flushing = undefined));
    await this.flushing;
  }
}
