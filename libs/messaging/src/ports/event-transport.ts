import type { EventEnvelope } from '../event-envelope';

/** Port: puts envelopes on the wire (one Redis Stream per event type). */
export abstract class EventTransport {
  /** Publishes in order; per envelope `null` on success or the error message. */
  abstract publish(envelopes: EventEnvelope[]): Promise<Array<string | null>>;
}
