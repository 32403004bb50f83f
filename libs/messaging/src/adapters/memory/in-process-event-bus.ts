import type { EventEnvelope } from '../../event-envelope';
import { EventTransport, type PublishResult } from '../../ports/event-transport';

/**
 * The transport of pure memory mode (dev:local without `DATABASE_URL`/`REDIS_URL`): the
 * relay hands events to the in-process consumer. Nothing is durable in that mode; until a
 * consumer subscribes, the newest `backlogLimit` events wait.
 */
export class InProcessEventBus extends EventTransport {
  private listener?: (envelope: EventEnvelope) => void;
  private backlog: EventEnvelope[] = [];

  constructor(private readonly backlogLimit = 10_000) {
    super();
  }

  /** Sets the one consumer of this process and hands it the backlog. */
  subscribe(listener: ((envelope: EventEnvelope) => void) | undefined): void {
    this.listener = listener;
    if (!listener) return;
    const backlog = this.backlog;
    this.backlog = [];
    for (const envelope of backlog) listener(envelope);
  }

  async publish(envelopes: EventEnvelope[]): Promise<PublishResult[]> {
    for (const envelope of envelopes) {
      const copy = structuredClone(envelope);
      if (this.listener) this.listener(copy);
      else this.backlog.push(copy);
    }
    if (this.backlog.length > this.backlogLimit) this.backlog.splice(0, this.backlog.length - this.backlogLimit);
    return envelopes.map(() => ({ ok: true }));
  }
}
