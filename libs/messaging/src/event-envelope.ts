import { activeTraceCarrier } from '@mikasmissions/context';
import { uuidv7 } from 'uuidv7';

/**
 * What travels on the wire for every event: the payload plus who, when and why.
 *
 * @example
 * { id: '0193…', type: 'media.uploaded', version: 1, occurredAt: '2026-…Z', tenantId: 'default',
 *   requestId: 'req-1', causationId: undefined, payload: { episodeId: 'e1', … } }
 */
export interface EventEnvelope<P = Record<string, unknown>> {
  /** uuid v7 (time ordered); the inbox key. */
  id: string;
  type: string;
  version: number;
  occurredAt: string;
  tenantId: string;
  requestId: string;
  /** The id of the event whose handling caused this one. */
  causationId?: string;
  /** Events of one aggregate are relayed in the order they were written. */
  aggregateId?: string;
  /** W3C trace context of the span that wrote the event (when tracing is on); the consumer's span continues it. */
  traceparent?: string;
  tracestate?: string;
  payload: P;
}

/** Fields of {@link createEnvelope}. */
export interface EnvelopeFields<P> {
  type: string;
  version: number;
  payload: P;
  tenantId: string;
  requestId: string;
  causationId?: string;
  aggregateId?: string;
  occurredAt?: Date;
  /** Default: the active span's trace context ({@link activeTraceCarrier}), none without tracing. */
  traceparent?: string;
  tracestate?: string;
}

/** A new envelope with a fresh uuid v7, carrying the active trace context when tracing is on. */
export function createEnvelope<P>(fields: EnvelopeFields<P>): EventEnvelope<P> {
  const envelope: EventEnvelope<P> = {
    id: uuidv7(),
    type: fields.type,
    version: fields.version,
    occurredAt: (fields.occurredAt ?? new Date()).toISOString(),
    tenantId: fields.tenantId,
    requestId: fields.requestId,
    payload: fields.payload,
  };
  if (fields.causationId) envelope.causationId = fields.causationId;
  if (fields.aggregateId) envelope.aggregateId = fields.aggregateId;
  const trace = fields.traceparent ? { traceparent: fields.traceparent, tracestate: fields.tracestate } : activeTraceCarrier();
  if (trace.traceparent) envelope.traceparent = trace.traceparent;
  if (trace.tracestate) envelope.tracestate = trace.tracestate;
  return envelope;
}
