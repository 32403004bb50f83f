import type Redis from 'ioredis';
import type { EventEnvelope } from '../../event-envelope';
import { EventTransport } from '../../ports/event-transport';

/** The stream of an event type: `<prefix><type>`; its dead letters live in `<stream>.dlq`. */
export const streamKey = (prefix: string, type: string): string => `${prefix}${type}`;

/**
 * Publishes envelopes to one Redis Stream per event type (`XADD <prefix><type> * envelope
 * <json>`), pipelined, in order.
 */
export class RedisStreamsPublisher extends EventTransport {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly maxLen?: number,
  ) {
    super();
  }

  async publish(envelopes: EventEnvelope[]): Promise<Array<string | null>> {
    if (envelopes.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const envelope of envelopes) {
      const key = streamKey(this.prefix, envelope.type);
      const body = JSON.stringify(envelope);
      if (this.maxLen) pipeline.xadd(key, 'MAXLEN', '~', this.maxLen, '*', 'envelope', body);
      else pipeline.xadd(key, '*', 'envelope', body);
    }
    try {
      const results = (await pipeline.exec()) ?? [];
      return envelopes.map((_, i) => {
        const error = results[i]?.[0];
        return error ? error.message : results[i] ? null : 'no reply from Redis';
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return envelopes.map(() => message);
    }
  }
}
