import { Inject, Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { EventContracts, EventValidationError, type EventDefinition } from '@mikasmissions/contracts-events';
import { consumedEvent } from './consumed-event';
import { createEnvelope, type EventEnvelope } from './event-envelope';
import { InvalidEventError } from './messaging.errors';
import { OutboxUnitOfWork } from './outbox-unit-of-work';

/** Per-event options of {@link EventPublisher.publish}. */
export interface PublishEventOptions {
  /** Events of one aggregate are relayed in order. */
  aggregateId?: string;
  /** Default: the id of the event being handled, if any. */
  causationId?: string;
  /** Default: the request's tenant. */
  tenantId?: string;
}

/**
 * Programmatic publishing through the outbox. Inside a unit of work (an `@Publish` handler,
 * a `@Transactional()` method, or {@link EventPublisher.transaction}) the event commits with
 * the work's own writes; outside one it is stored immediately.
 *
 * @example
 * await this.events.transaction(async () => {
 *   await this.repo.save(episode);
 *   await this.events.publish(EpisodePublished, { episodeId, missionId, ageRating: '6+' });
 * });
 */
@Injectable()
export class EventPublisher {
  constructor(
    private readonly contracts: EventContracts,
    @Inject(OutboxUnitOfWork) private readonly unitOfWork: OutboxUnitOfWork,
  ) {}

  /** Validates `payload` (typed by `event`) against the registered schema of its type and writes the event to the outbox. */
  async publish<P extends object>(
    event: EventDefinition<P>,
    payload: NoInfer<P>,
    options: PublishEventOptions = {},
  ): Promise<EventEnvelope<P>> {
    const { type } = event;
    let version: number;
    try {
      version = this.contracts.versionOf(type);
      if (version !== event.version) throw new Error(`${type} v${event.version} is not the registered contract (v${version})`);
      this.contracts.assertPayload(type, payload);
    } catch (error) {
      const problems = error instanceof EventValidationError ? error.problems : [];
      throw new InvalidEventError((error as Error).message, problems);
    }
    const ctx = RequestContext.current();
    const cause = consumedEvent.getStore();
    const envelope = createEnvelope({
      type,
      version,
      payload,
      tenantId: options.tenantId ?? cause?.tenantId ?? ctx.tenantId,
      requestId: ctx.active ? ctx.requestId : (cause?.requestId ?? 'background'),
      causationId: options.causationId ?? cause?.id,
      aggregateId: options.aggregateId,
    });
    await this.unitOfWork.enqueue([envelope as EventEnvelope]);
    return envelope;
  }

  /** Runs `fn` as one unit of work: the events it publishes are stored only if it succeeds. */
  transaction<T>(fn: () => Promise<T>): Promise<T> {
    return this.unitOfWork.run(fn);
  }
}
