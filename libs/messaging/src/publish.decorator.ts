import { Reflector } from '@nestjs/core';
import type { EventDefinition } from '@mikasmissions/contracts-events';
import type { RequestContextSnapshot } from '@mikasmissions/context';
import { MessagingConfigError } from './messaging.errors';

/** `M` with every key that `P` lacks turned into `never`, so a payload with an extra field does not compile. */
export type NoExtraKeys<P, M> = M & Record<Exclude<keyof M, keyof P>, never>;

/** Options of {@link Publish}: `R` is the handler's result, `P` the event's payload type, `M` what `map` returns. */
export interface PublishOptions<R, P extends object, M extends P = P> {
  /** Builds the payload from the handler's result: a `P` with no extra field. Default: the result itself (then the handler must return a `P`). */
  map?: (result: R, ctx: RequestContextSnapshot) => NoExtraKeys<P, M>;
  /** The aggregate the event belongs to (events of one aggregate are relayed in order). */
  aggregateId?: (result: R) => string | undefined;
}

/** What {@link Publish} stores on the handler. */
export interface PublishSpec {
  event: EventDefinition;
  map?: (result: never, ctx: RequestContextSnapshot) => object;
  aggregateId?: (result: never) => string | undefined;
}

/** Metadata key of {@link Publish} (read by the publish stage and the start-up check). */
export const PUBLISH_METADATA = Reflector.createDecorator<PublishSpec>();

/** A method decorator that only accepts handlers returning `R` (or a promise of it). */
export type HandlerOf<R> = <H extends (...args: never[]) => R | PromiseLike<R>>(
  target: object,
  key: string | symbol,
  descriptor: TypedPropertyDescriptor<H>,
) => void;

/**
 * When the handler succeeds, writes the `event` (payload = `map(result)` or the result) to
 * the outbox in the same transaction as the handler's own writes. A handler that throws
 * publishes nothing; a payload that fails its JSON schema fails the handler. The compiler
 * checks `map`'s return against the event's payload type and the handler's return against
 * `map`'s input; an event without a registered contract fails the app at start-up.
 *
 * @example
 * @Post()
 * @Publish(AnalyticsEventRecorded, { map: (e: AnalyticsEvent) => ({ eventId: e.id, eventType: e.type, occurredAt: e.occurredAt }) })
 * create(@Body() dto: CreateEventDto): Promise<AnalyticsEvent> { return this.events.record(dto); }
 */
export function Publish<P extends object, R = P, M extends P = P>(
  event: EventDefinition<P>,
  options: PublishOptions<R, P, M> = {},
): HandlerOf<R> {
  if (typeof event !== 'object' || event === null || typeof event.type !== 'string') {
    throw new MessagingConfigError(`@Publish(${String(event)}): pass an event definition from libs/contracts-events (defineEvent)`);
  }
  for (const key of ['map', 'aggregateId'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') {
      throw new MessagingConfigError(`@Publish("${event.type}"): option "${key}" must be a function`);
    }
  }
  const spec = { event, ...options } as PublishSpec;
  return (target, key, descriptor) => PUBLISH_METADATA(spec)(target, key, descriptor);
}
