import { Reflector } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import type { EventDefinition } from '@mikasmissions/contracts-events';
import type { EventEnvelope } from './event-envelope';
import { MessagingConfigError } from './messaging.errors';

/** Metadata key of {@link OnEvent}: the definition the handler consumes (read by the start-up check). */
export const ON_EVENT_METADATA = Reflector.createDecorator<EventDefinition>();

/** A method decorator that only accepts handlers whose first parameter takes an `EventEnvelope<P>`. */
export type ConsumerOf<P extends object> = <H extends (event: EventEnvelope<P>, ...rest: never[]) => unknown>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<H>,
) => void;

/**
 * Consumes `event`: Nest's `@EventPattern(event.type)` whose handler the compiler checks to
 * take the event's envelope (`@Payload()`, validated against the schema before the call). An
 * event without a registered contract fails the app at start-up, as does a plain
 * `@EventPattern` of an unknown type.
 *
 * @example
 * @OnEvent(MediaUploaded)
 * async onUpload(@Payload() event: EventEnvelope<MediaUploadedPayload>, @Ctx() ctx: RedisStreamsContext) { … }
 */
export function OnEvent<P extends object>(event: EventDefinition<P>): ConsumerOf<P> {
  if (typeof event !== 'object' || event === null || typeof event.type !== 'string') {
    throw new MessagingConfigError(`@OnEvent(${String(event)}): pass an event definition from libs/contracts-events (defineEvent)`);
  }
  return (target, key, descriptor) => {
    EventPattern(event.type)(target, key, descriptor);
    ON_EVENT_METADATA(event)(target, key, descriptor);
  };
}
