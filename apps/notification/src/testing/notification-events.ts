import type { INestApplication } from '@nestjs/common';
import {
  ConsentVerified,
  EpisodePublished,
  SubscriptionChanged,
  type ConsentVerifiedPayload,
  type EpisodePublishedPayload,
  type SubscriptionChangedPayload,
} from '@mikasmissions/contracts-events';
import { createEnvelope, EventTransport, type EventEnvelope } from '@mikasmissions/messaging';

const envelope = <P>(type: string, payload: P): EventEnvelope<P> =>
  createEnvelope({ type, version: 1, payload, tenantId: 'default', requestId: `test-${type}` });

/** `episode.published` as the publish stage sends it. */
export const episodePublished = (payload: EpisodePublishedPayload) => envelope(EpisodePublished.type, payload);
/** `subscription.changed` as billing sends it. */
export const subscriptionChanged = (payload: SubscriptionChangedPayload) => envelope(SubscriptionChanged.type, payload);
/** `consent.verified` as identity sends it. */
export const consentVerified = (payload: ConsentVerifiedPayload) => envelope(ConsentVerified.type, payload);

/** Puts envelopes straight on the app's transport (Redis Streams or the in-process bus); the same envelope twice is a redelivery. */
export async function deliver(app: INestApplication, ...envelopes: EventEnvelope<object>[]): Promise<void> {
  const results = await app.get(EventTransport).publish(envelopes as unknown as EventEnvelope[]);
  if (results.some((r) => !r.ok)) throw new Error(`delivery failed: ${JSON.stringify(results)}`);
}

/** Polls `read` until `done` holds or `timeoutMs` passes; returns the last value. */
export async function eventually<T>(read: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}
