import type { EventContracts } from '@mikasmissions/contracts-events';
import type { EventEnvelope } from '../event-envelope';
/** One stream entry as the consumer handles it. */
export interface StreamMessage {
  stream: string;
  id: string;
  fields: string[];
  deliveries: number;
}

/** The value of `name` in a flat `[k1, v1, k2, v2…]` field list. */
export function fieldValue(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/** The dead-letter stream of `stream`. */
export const dlqKey = (stream: string): string => `${stream}.dlq`;

/** Hash of the last handler error per pending message of `stream` and `group`. */
export const errorsKey = (stream: string, group: string): string => `${stream}:errors:${group}`;

/**
 * The envelope a message of the stream of `type` carries, checked against its contract; throws
 * (with the reason) for one that is not JSON, breaks its schema or names another type.
 */
export function readEnvelope(message: StreamMessage, type: string, contracts: Pick<EventContracts, 'assertEnvelope'>): EventEnvelope {
  const envelope = JSON.parse(fieldValue(message.fields, 'envelope') ?? 'null') as EventEnvelope;
  contracts.assertEnvelope(envelope);
  if (envelope.type !== type) throw new Error(`envelope of type "${envelope.type}" on the stream of "${type}"`);
  return envelope;
}
