/** A JSON schema (draft-07 subset that ajv understands). */
export type JsonSchema = Record<string, unknown>;

/** One event type's contract: its name, version and the JSON schema of its payload. */
export interface EventContract {
  type: string;
  version: number;
  schema: JsonSchema;
}

declare const payloadType: unique symbol;

/**
 * An event contract that also carries its payload's TypeScript type `P` (type-only: nothing
 * is stored at run time). Made by {@link defineEvent}; `@Publish`, `@OnEvent` and
 * `EventPublisher.publish` take it and check payloads and handlers against `P`.
 */
export interface EventDefinition<P extends object = object> extends EventContract {
  readonly type: string;
  readonly version: number;
  readonly schema: JsonSchema;
  /** Never set: only holds `P` for the compiler. */
  readonly [payloadType]?: P;
}

/**
 * The payload type of an event definition.
 *
 * @example
 * type Recorded = EventPayload<typeof AnalyticsEventRecorded>; // { eventId: string; … }
 */
export type EventPayload<D extends EventDefinition> = D extends EventDefinition<infer P> ? P : never;

/** Thrown by {@link defineEvent} for a malformed type or version (when the module loads). */
export class EventDefinitionError extends Error {
  constructor(message: string) {
    super(`event definition: ${message}`);
    this.name = 'EventDefinitionError';
  }
}

const EVENT_TYPE = /^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$/;

/**
 * The one definition of an event type: its name, version, JSON schema (validated by ajv on
 * publish and on consume) and payload type `P`, which must describe what the schema accepts
 * (the contract spec checks a typed sample against the schema). Register platform events in
 * `PLATFORM_EVENT_CONTRACTS`, others with `MessagingModule.forRoot({ contracts })`.
 *
 * @example
 * export const MediaUploaded = defineEvent<MediaUploadedPayload>({ type: 'media.uploaded', version: 1, schema: mediaUploadedV1 });
 */
export function defineEvent<P extends object>(contract: EventContract): EventDefinition<P> {
  const { type, version, schema } = contract;
  if (typeof type !== 'string' || !EVENT_TYPE.test(type)) {
    throw new EventDefinitionError(`"${String(type)}" is not an event type; event types look like "service.thing.happened"`);
  }
  if (!Number.isInteger(version) || version < 1)
    throw new EventDefinitionError(`${type}: version must be a positive integer, got ${String(version)}`);
  if (typeof schema !== 'object' || schema === null) throw new EventDefinitionError(`${type}: schema must be a JSON schema object`);
  return Object.freeze({ type, version, schema });
}
