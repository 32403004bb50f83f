import { Reflector } from '@nestjs/core';
import type { RequestContextSnapshot } from '@mikasmissions/context';
import { MessagingConfigError } from './messaging.errors';

/** Options of {@link Publish}. */
export interface PublishOptions<R = unknown> {
  /** Builds the payload from the handler's result. Default: the result itself. */
  map?: (result: R, ctx: RequestContextSnapshot) => object;
  /** The aggregate the event belongs to (events of one aggregate are relayed in order). */
  aggregateId?: (result: R) => string | undefined;
}

/** What {@link Publish} stores on the handler. */
export interface PublishSpec extends PublishOptions<never> {
  type: string;
}

/** Metadata key of {@link Publish} (read by the publish interceptor). */
export const PUBLISH_METADATA = Reflector.createDecorator<PublishSpec>();

const EVENT_TYPE = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/**
 * When the handler succeeds, writes a `type` event (payload = `map(result)` or the result)
 * to the outbox in the same transaction as the handler's own writes. A handler that
 * throws publishes nothing; a payload that fails its JSON schema fails the handler.
 * Unknown event types fail the app at start-up.
 *
 * @example
 * @Post()
 * @Publish('analytics.event.recorded', { map: (e: AnalyticsEvent) => ({ eventId: e.id, eventType: e.type, occurredAt: e.occurredAt }) })
 * create(@Body() dto: CreateEventDto) { return this.events.record(dto); }
 */
export function Publish<R = unknown>(type: string, options: PublishOptions<R> = {}): MethodDecorator {
  if (typeof type !== 'string' || !EVENT_TYPE.test(type)) {
    throw new MessagingConfigError(`@Publish("${String(type)}"): event types look like "service.thing.happened"`);
  }
  for (const key of ['map', 'aggregateId'] as const) {
    if (options[key] !== undefined && typeof options[key] !== 'function') {
      throw new MessagingConfigError(`@Publish("${type}"): option "${key}" must be a function`);
    }
  }
  return PUBLISH_METADATA({ type, ...(options as PublishOptions<never>) });
}
