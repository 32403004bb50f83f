import type { RedisClient } from '@mikasmissions/persistence';
import { encodeFailure, retryDelayMs } from './redelivery';
import { dlqKey, errorsKey, type StreamMessage } from './stream-message';

/** Where a consumer's failure bookkeeping goes: its group, its name and its retry policy. */
export interface FailurePolicy {
  group: string;
  consumer: string;
  maxDeliveries: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

/**
 * A handler failed: returns `'dead'` after `maxDeliveries` (the caller dead-letters), else
 * keeps the error with this delivery's backoff and leaves the message pending. `XCLAIM …
 * JUSTID` to ourselves restarts its idle time (without counting a delivery), so the backoff
 * runs from the failure.
 */
export async function recordFailure(
  client: RedisClient,
  message: StreamMessage,
  error: string,
  policy: FailurePolicy,
): Promise<'dead' | 'retry'> {
  if (message.deliveries >= policy.maxDeliveries) return 'dead';
  const retryAfterMs = retryDelayMs(message.deliveries, policy.retryBaseMs, policy.retryMaxMs);
  await client
    .multi()
    .hset(errorsKey(message.stream, policy.group), message.id, encodeFailure({ error, deliveries: message.deliveries, retryAfterMs }))
    .xclaim(message.stream, policy.group, policy.consumer, 0, message.id, 'JUSTID')
    .exec();
  return 'retry';
}

/** Moves a message to `<stream>.dlq` (with error and delivery count) and acknowledges it, atomically. */
export async function deadLetter(client: RedisClient, message: StreamMessage, error: string, group: string): Promise<void> {
  await client
    .multi()
    .xadd(
      dlqKey(message.stream),
      '*',
      ...message.fields,
      'error',
      error.slice(0, 4000),
      'deliveries',
      String(message.deliveries),
      'sourceId',
      message.id,
      'group',
      group,
      'failedAt',
      new Date().toISOString(),
    )
    .xack(message.stream, group, message.id)
    .hdel(errorsKey(message.stream, group), message.id)
    .exec();
}
