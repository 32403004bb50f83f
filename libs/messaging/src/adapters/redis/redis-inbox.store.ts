import type Redis from 'ioredis';
import type { EventEnvelope } from '../../event-envelope';
import { InboxStore } from '../../ports/inbox-store';

/**
 * Inbox in Redis (services without Postgres): one key per processed event id with an
 * expiry (`ttlSeconds`, default 7 days). The mark is set right after the handler succeeded;
 * unlike the Postgres inbox it cannot share the handler's transaction.
 */
export class RedisInboxStore extends InboxStore {
  readonly kind = 'redis' as const;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds = 7 * 24 * 3600,
  ) {
    super();
  }

  private key(consumer: string, eventId: string): string {
    return `${this.prefix}inbox:${consumer}:${eventId}`;
  }

  async runOnce(consumer: string, envelope: EventEnvelope, handler: () => Promise<void>): Promise<boolean> {
    const key = this.key(consumer, envelope.id);
    if ((await this.redis.exists(key)) === 1) return false;
    await handler();
    await this.redis.set(key, '1', 'EX', this.ttlSeconds);
    return true;
  }

  async has(consumer: string, eventId: string): Promise<boolean> {
    return (await this.redis.exists(this.key(consumer, eventId))) === 1;
  }
}
