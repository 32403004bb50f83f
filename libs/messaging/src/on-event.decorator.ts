import { Reflector } from '@nestjs/core';
import { EventPattern } from '@nestjs/microservices';
import { PATTERN_EXTRAS_METADATA } from '@nestjs/microservices/constants';
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
export function OnEvent<P extends object>(event: EventDefinition<P>, options: OnEventOptions = {}): ConsumerOf<P> {
  if (typeof event !== 'object' || event === null || typeof event.type !== 'string') {
    throw new MessagingConfigError(`@OnEvent(${String(event)}): pass an event definition from libs/contracts-events (defineEvent)`);
  }
  if (options.group !== undefined) assertGroupName(options.group, `@OnEvent(${event.type})`);
  return (target, key, descriptor) => {
    EventPattern(event.type, options.group === undefined ? {} : { group: options.group })(target, key, descriptor);
    ON_EVENT_METADATA(event)(target, key, descriptor);
  };
}

/** Options of {@link OnEvent}. */
export interface OnEventOptions {
  /**
   * The consumer group this handler reads in, e.g. `media-pipeline.transcode` (its own
   * `XREADGROUP`, pending entries and inbox dedupe). Default: the class's `@ConsumerGroup`, else
   * the service's `messaging.consumer.group`.
   */
  group?: string;
}

const GROUP_NAME = /^[a-z0-9][a-z0-9._:-]{0,63}$/;

function assertGroupName(group: unknown, where: string): void {
  if (typeof group !== 'string' || !GROUP_NAME.test(group))
    throw new MessagingConfigError(
      `${where}: consumer group ${JSON.stringify(group)} must be 1–64 of a-z 0-9 . _ : - (e.g. "media-pipeline.ingest")`,
    );
}

/**
 * Gives every `@OnEvent` handler of a consumer class its own consumer group (a handler's
 * `@OnEvent(def, { group })` wins), so stages of one service are separate groups: each reads,
 * retries, claims and dedupes on its own. A bad name fails when the class is defined.
 *
 * @example
 * @ConsumerGroup('media-pipeline.transcode')
 * @Controller()
 * export class TranscodeConsumer { @OnEvent(MediaTranscodeRequested) onRequested(…) { … } }
 */
export function ConsumerGroup(group: string): ClassDecorator {
  assertGroupName(group, '@ConsumerGroup');
  return (target) => {
    const proto = (target as unknown as { prototype: object }).prototype;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const method = (Object.getOwnPropertyDescriptor(proto, key)?.value as object | undefined) ?? undefined;
      if (typeof method !== 'function' || !Reflect.hasMetadata(ON_EVENT_METADATA.KEY, method)) continue;
      const extras = (Reflect.getMetadata(PATTERN_EXTRAS_METADATA, method) as Record<string, unknown> | undefined) ?? {};
      if (extras.group === undefined) Reflect.defineMetadata(PATTERN_EXTRAS_METADATA, { ...extras, group }, method);
    }
  };
}
