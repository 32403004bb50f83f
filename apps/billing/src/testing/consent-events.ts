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
