import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import type { EventEnvelope } from '../../event-envelope';
import { EventTransport, type PublishResult, type StreamAudit } from '../../ports/event-transport';
import { RedisStreamAudit } from './redis-stream.audit';
import { epochKey, streamKey } from './stream-keys';

export { epochKey, streamKey } from './stream-keys';

/**
 * Publishes envelopes to one Redis Stream per event type (`XADD <prefix><type> * envelope
 * <json>`) in order, in one `MULTI` with the streams' markers, and reports per envelope the
 * entry id and epoch the relay records on the outbox row.
 */
export class RedisStreamsPublisher extends EventTransport {
  private readonly streamAudit: RedisStreamAudit;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly maxLen?: number,
  ) {
    super();
    this.streamAudit = new RedisStreamAudit(redis, prefix);
  }

  async publish(envelopes: EventEnvelope[]): Promise<PublishResult[]> {
    if (envelopes.length === 0) return [];
    const streams = [...new Set(envelopes.map((e) => streamKey(this.prefix, e.type)))];
    const multi = this.redis.multi();
    for (const stream of streams) multi.set(epochKey(stream), randomUUID(), 'NX').get(epochKey(stream));
    for (const envelope of envelopes) {
      const key = streamKey(this.prefix, envelope.type);
      const body = JSON.stringify(envelope);
      if (this.maxLen) multi.xadd(key, 'MAXLEN', '~', this.maxLen, '*', 'envelope', body);
      else multi.xadd(key, '*', 'envelope', body);
    }
    try {
      const results = await multi.exec();
      if (!results) return envelopes.map(() => ({ ok: false, error: 'transaction aborted', unavailable: true }));
      const epochs = new Map(streams.map((stream, i) => [stream, results[i * 2 + 1]?.[1] as string | null]));
      return envelopes.map((envelope, i) => {
        const [error, id] = results[streams.length * 2 + i] ?? [new Error('no reply from Redis')];
        if (error) return { ok: false, error: error.message };
        const epoch = epochs.get(streamKey(this.prefix, envelope.type));
        return epoch ? { ok: true, entry: { id: String(id), epoch } } : { ok: true };
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return envelopes.map(() => ({ ok: false, error: message, unavailable: true }));
    }
  }

  override audit(): StreamAudit {
    return this.streamAudit;
  }
}
