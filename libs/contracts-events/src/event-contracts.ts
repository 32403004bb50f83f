import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import envelopeSchema from './schemas/envelope.schema.json';
import type { EventContract, EventDefinition } from './event-definition';
import { VideoRunFailed, VideoRunRequested, VideoRunStepCompleted } from './events/admin.events';
import { AnalyticsEventRecorded } from './events/analytics.events';
import { SubscriptionChanged } from './events/billing.events';
import { ChildProfileCreated, ChildProfileDeleted } from './events/children.events';
import { EpisodePublished } from './events/catalog.events';
import { ParentControlsUpdated } from './events/controls.events';
import { ConsentVerified } from './events/family.events';
import { MediaRejected, MediaTranscoded, MediaTranscodeRequested, MediaUploaded } from './events/media.events';
import { MediaApproved, MediaReviewed } from './events/moderation.events';
import { ChildSessionCapped, PlaybackSessionStarted } from './events/playback.events';
import { ProgressUpdated } from './events/progress.events';

/** The platform's event definitions (one per type, in `src/events/`; schemas in `src/schemas/`). */
export const PLATFORM_EVENT_CONTRACTS: readonly EventDefinition[] = [
  AnalyticsEventRecorded,
  MediaUploaded,
  EpisodePublished,
  ProgressUpdated,
  SubscriptionChanged,
  ChildProfileCreated,
  ChildProfileDeleted,
  ConsentVerified,
  ParentControlsUpdated,
  PlaybackSessionStarted,
  ChildSessionCapped,
  VideoRunRequested,
  VideoRunStepCompleted,
  VideoRunFailed,
  MediaTranscodeRequested,
  MediaTranscoded,
  MediaRejected,
  MediaReviewed,
  MediaApproved,
];

/** Thrown when a payload (or envelope) does not match its schema; `problems` lists every violation. */
export class EventValidationError extends Error {
  constructor(
    readonly eventType: string,
    readonly problems: string[],
  ) {
    super(`invalid ${eventType} event: ${problems.join('; ')}`);
    this.name = 'EventValidationError';
  }
}

/** Thrown for an event type that has no contract. */
export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`unknown event type "${eventType}": add its JSON schema to libs/contracts-events`);
    this.name = 'UnknownEventTypeError';
  }
}

const describe = (errors: ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map(
    (e) =>
      `${e.instancePath || '/'} ${e.message ?? 'is invalid'}${e.keyword === 'additionalProperties' ? ` (${String((e.params as { additionalProperty?: string }).additionalProperty)})` : ''}`,
  );

/**
 * The validators of every known event type, compiled once with ajv when constructed.
 *
 * @example
 * const contracts = new EventContracts();
 * contracts.assertPayload('media.uploaded', { episodeId: 'e1', creatorId: 'c1', sourceUrl: 's3://x' });
 */
export class EventContracts {
  private readonly ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
  private readonly payloads = new Map<string, { version: number; validate: ValidateFunction }>();
  private readonly envelope: ValidateFunction;

  constructor(contracts: readonly EventContract[] = PLATFORM_EVENT_CONTRACTS) {
    this.envelope = this.ajv.compile(envelopeSchema);
    for (const contract of contracts) this.register(contract);
  }

  /** Adds (or replaces) one contract; its schema is compiled now. */
  register(contract: EventContract): this {
    this.payloads.set(contract.type, { version: contract.version, validate: this.ajv.compile(contract.schema) });
    return this;
  }

  /** Whether `type` has a contract. */
  has(type: string): boolean {
    return this.payloads.has(type);
  }

  /** The known event types. */
  types(): string[] {
    return [...this.payloads.keys()];
  }

  /** The current version of `type`; throws {@link UnknownEventTypeError}. */
  versionOf(type: string): number {
    return this.get(type).version;
  }

  /** Throws {@link EventValidationError} unless `payload` matches the schema of `type`. */
  assertPayload(type: string, payload: unknown): void {
    const { validate } = this.get(type);
    if (!validate(payload)) throw new EventValidationError(type, describe(validate.errors));
  }

  /** Throws {@link EventValidationError} unless `envelope` is a well-formed envelope whose payload matches its type. */
  assertEnvelope(envelope: unknown): void {
    if (!this.envelope(envelope)) {
      const type = typeof (envelope as { type?: unknown })?.type === 'string' ? (envelope as { type: string }).type : 'unknown';
      throw new EventValidationError(type, describe(this.envelope.errors));
    }
    const { type, payload } = envelope as { type: string; payload: unknown };
    this.assertPayload(type, payload);
  }

  private get(type: string): { version: number; validate: ValidateFunction } {
    const found = this.payloads.get(type);
    if (!found) throw new UnknownEventTypeError(type);
    return found;
  }
}
