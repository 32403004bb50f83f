import type { INestApplication } from '@nestjs/common';
import { ConsentVerified, type ConsentVerifiedPayload } from '@mikasmissions/contracts-events';
import { createEnvelope, EventTransport, type EventEnvelope } from '@mikasmissions/messaging';

/** A `consent.verified` envelope as identity would publish it. */
export function consentVerified(payload: ConsentVerifiedPayload): EventEnvelope<ConsentVerifiedPayload> {
  return createEnvelope({
    type: ConsentVerified.type,
    version: ConsentVerified.version,
    payload,
    tenantId: 'default',
    requestId: `consent-${payload.consentId}`,
  });
}

/** Puts envelopes straight on the app's transport (Redis Streams or the in-process bus), as a redelivery would. */
export async function deliver(app: INestApplication, ...envelopes: EventEnvelope<ConsentVerifiedPayload>[]): Promise<void> {
  const results = await app.get(EventTransport).publish(envelopes as unknown as EventEnvelope[]);
  if (results.some((r) => !r.ok)) throw new Error(`delivery failed: ${JSON.stringify(results)}`);
}

/** Polls `read` until `done` holds or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}
