import type { RedisClient } from '@mikasmissions/persistence';
import type { EventEnvelope } from '../../event-envelope';
import { InboxStore } from '../../ports/inbox-store';

/**
 * Inbox in Redis (services without Postgres): one key per event id with an expiry
 * (`ttlSeconds`, default 7 days). The key is taken (`SET NX`, `running`) before the handler
 * runs, so two consumers never run it at once, becomes `done` after success and is removed
 * after a failure. Unlike the Postgres inbox it cannot share the handler's transaction: a
 * crash between the handler's own writes and the `done` mark reruns the handler once the
 * `running` lease (`leaseMs`) expires.
 */
export class RedisInboxStore extends InboxStore {
  readonly kind = 'redis' as const;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly ttlSeconds = 7 * 24 * 3600,
    private readonly leaseMs = 60_000,
  ) {
    super();
  }

  private key(consumer: string, eventId: string): string {
    return `${this.prefix}inbox:${consumer}:${eventId}`;
  }

  async runOnce(consumer: string, envelope: EventEnvelope, handler: () => Promise<void>): Promise<boolean> {
    const key = this.key(consumer, envelope.id);
    if ((await this.redis.set(key, 'running', 'PX', this.leaseMs, 'NX')) !== 'OK') {
      if ((await this.redis.get(key)) === 'done') return false;
      throw new Error(`event ${envelope.id} is being handled by another consumer of ${consumer}`);
    }
    try {
      await handler();
    } catch (error) {
      await this.redis.del(key);
      throw error;
    }
    await this.redis.set(key, 'done', 'EX', this.ttlSeconds);
    return true;
  }

  async has(consumer: string, eventId: string): Promise<boolean> {
    return (await this.redis.get(this.key(consumer, eventId))) === 'done';
  }
}
