import { randomUUID } from 'node:crypto';
import type { RedisClient } from '@mikasmissions/persistence';
import type { EventEnvelope } from '../../event-envelope';
import { EventTransport, type PublishResult, type StreamAudit } from '../../ports/event-transport';
import { RedisStreamAudit } from './redis-stream.audit';
import { epochKey, streamKey } from './stream-keys';

export { epochKey, streamKey, typeOfStream } from './stream-keys';

/**
 * Publishes envelopes to one Redis Stream per event type (`XADD <prefix>{<type>} * envelope
 * <json>`), in order per stream, in one `MULTI` per stream with its marker (one hash slot, so
 * a Redis Cluster takes it too), and reports per envelope the entry id and epoch the relay
 * records on the outbox row.
 */
export class RedisStreamsPublisher extends EventTransport {
  private readonly streamAudit: RedisStreamAudit;

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly maxLen?: number,
  ) {
    super();
    this.streamAudit = new RedisStreamAudit(redis, prefix);
  }

  async publish(envelopes: EventEnvelope[]): Promise<PublishResult[]> {
    if (envelopes.length === 0) return [];
    const byStream = new Map<string, number[]>();
    envelopes.forEach((envelope, i) => {
      const stream = streamKey(this.prefix, envelope.type);
      byStream.set(stream, [...(byStream.get(stream) ?? []), i]);
    });
    const results: PublishResult[] = new Array(envelopes.length);
    await Promise.all(
      [...byStream].map(async ([stream, indexes]) => {
        const outcomes = await this.publishToStream(
          stream,
          indexes.map((i) => envelopes[i]),
        );
        indexes.forEach((i, n) => (results[i] = outcomes[n]));
      }),
    );
    return results;
  }

  /** One `MULTI` on one stream (its marker and its entries, in order): one hash slot, so it also runs on a Redis Cluster. */
  private async publishToStream(stream: string, envelopes: EventEnvelope[]): Promise<PublishResult[]> {
    const multi = this.redis.multi().set(epochKey(stream), randomUUID(), 'NX').get(epochKey(stream));
    for (const envelope of envelopes) {
      const body = JSON.stringify(envelope);
      if (this.maxLen) multi.xadd(stream, 'MAXLEN', '~', this.maxLen, '*', 'envelope', body);
      else multi.xadd(stream, '*', 'envelope', body);
    }
    try {
      const results = await multi.exec();
      if (!results) return envelopes.map(() => ({ ok: false, error: 'transaction aborted', unavailable: true }));
      const epoch = results[1]?.[1] as string | null;
      return envelopes.map((_, i) => {
        const [error, id] = results[2 + i] ?? [new Error('no reply from Redis')];
        if (error) return { ok: false, error: error.message };
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
