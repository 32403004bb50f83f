import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@mikasmissions/config';
import pLimit from 'p-limit';
import { notificationConfig, type NotificationEnv } from '../notification.config';
import { ParentDirectory } from '../recipients/parent-directory';
import { NotificationSender, type Channel } from '../senders/notification-sender';
import { BackgroundContext } from './background-context';
import { DeliveriesRepository } from './deliveries.repository';
import type { Delivery } from './delivery';

/** What one dispatch pass did. */
export interface DispatchResult {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** A provider's error text with e-mail addresses and phone numbers blanked (it goes into logs and `last_error`). */
export const withoutAddresses = (text: string): string =>
  text.replace(/[^\s<>@"',;:]+@[^\s<>"',;]+/g, '<address>').replace(/\+?\d[\d ()-]{7,}\d/g, '<number>');

/** How long a claimed delivery stays leased to this sender before another pass may take it over. */
const LEASE_MS = 60_000;

/**
 * Sends due deliveries: claims a batch, sends at most `NOTIFICATION_SEND_CONCURRENCY` at once
 * (p-limit), reads each parent's address from identity at that moment, retries a failure with
 * exponential backoff (`NOTIFICATION_RETRY_BASE_MS` · 2^(n-1), capped, ±20 % jitter) and marks
 * it `failed` — the dead letters — after `NOTIFICATION_SEND_MAX_ATTEMPTS` or when identity
 * knows no such parent. Logs carry the delivery id and kind, never an address or a body.
 */
@Injectable()
export class DeliveryDispatcher {
  private readonly log = new Logger('DeliveryDispatcher');
  private readonly env: NotificationEnv;
  private readonly limit: ReturnType<typeof pLimit>;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly parents: ParentDirectory,
    private readonly sender: NotificationSender,
    private readonly background: BackgroundContext,
    config: AppConfig,
  ) {
    this.env = config.slice(notificationConfig);
    this.limit = pLimit(this.env.NOTIFICATION_SEND_CONCURRENCY);
  }

  /** One pass over what is due at `now`; a retry is scheduled from `now`. */
  async dispatch(now = new Date()): Promise<DispatchResult> {
    const due = await this.deliveries.claimDue(now, this.env.NOTIFICATION_DISPATCH_BATCH, LEASE_MS);
    const outcomes = await Promise.all(due.map((d) => this.limit(() => this.background.run(d.tenantId, () => this.deliver(d, now)))));
    return {
      claimed: due.length,
      sent: outcomes.filter((o) => o === 'sent').length,
      retried: outcomes.filter((o) => o === 'retried').length,
      failed: outcomes.filter((o) => o === 'failed').length,
    };
  }

  private async deliver(d: Delivery, now: Date): Promise<'sent' | 'retried' | 'failed'> {
    const attempt = d.attempts + 1;
    try {
      const contact = await this.parents.contactOf(d.parentUserId);
      if (!contact) {
        await this.deliveries.markFailed(d.id, attempt, 'parent_not_found');
        this.log.warn(`delivery ${d.id} (${d.kind}) failed: identity knows no such parent`);
        return 'failed';
      }
      const channel: Channel = contact.email ? 'email' : 'sms';
      await this.sender.send({
        channel,
        to: channel === 'email' ? contact.email : (contact.phone ?? ''),
        subject: d.subject,
        text: d.body,
      });
      await this.deliveries.markSent(d.id, attempt, channel, new Date());
      return 'sent';
    } catch (error) {
      const reason = withoutAddresses(`${(error as Error).name}: ${(error as Error).message}`).slice(0, 500);
      if (attempt >= this.env.NOTIFICATION_SEND_MAX_ATTEMPTS) {
        await this.deliveries.markFailed(d.id, attempt, reason);
        this.log.error(`delivery ${d.id} (${d.kind}) failed after ${attempt} attempts: ${reason}`);
        return 'failed';
      }
      await this.deliveries.markRetry(d.id, attempt, new Date(now.getTime() + this.backoffMs(attempt)), reason);
      this.log.warn(`delivery ${d.id} (${d.kind}) attempt ${attempt} failed, retrying: ${reason}`);
      return 'retried';
    }
  }

  private backoffMs(attempt: number): number {
    const delay = Math.min(this.env.NOTIFICATION_RETRY_BASE_MS * 2 ** (attempt - 1), this.env.NOTIFICATION_RETRY_MAX_MS);
    return Math.round(delay * (0.8 + 0.4 * Math.random()));
  }
}
