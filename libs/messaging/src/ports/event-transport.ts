import type { EventEnvelope } from '../event-envelope';
import type { OutboxRecord, StreamEntryRef } from './outbox-store';

/**
 * What happened to one envelope: published (with its stream entry, when the transport has
 * one) or the error; `unavailable` when the transport could not be reached at all (the relay
 * retries such rows without ever marking them `failed`).
 */
export type PublishResult = { ok: true; entry?: StreamEntryRef } | { ok: false; error: string; unavailable?: boolean };

/**
 * What the relay's reconciler asks a durable transport: has the server restarted (or been
 * replaced), and which published entries does it no longer hold.
 */
export interface StreamAudit {
  /** Identifies the running server; changes when it restarts or fails over. */
  serverRun(): Promise<string>;
  /** The current epoch of the stream of `type` (a new one is made when the marker is gone). */
  epoch(type: string): Promise<string>;
  /** Ids of the records whose entry the transport lost (epoch changed, stream gone, entry gone but not trimmed). */
  lost(records: OutboxRecord[]): Promise<string[]>;
}

/** Port: puts envelopes on the wire (one Redis Stream per event type). */
export abstract class EventTransport {
  /** Publishes in order; one result per envelope. */
  abstract publish(envelopes: EventEnvelope[]): Promise<PublishResult[]>;

  /** The audit the reconciler uses, or `null` when nothing the transport holds can be checked (in-process bus). */
  audit(): StreamAudit | null {
    return null;
  }
}
