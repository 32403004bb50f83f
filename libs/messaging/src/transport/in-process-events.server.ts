import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import type { EventContracts } from '@mikasmissions/contracts-events';
import type { InProcessEventBus } from '../adapters/memory/in-process-event-bus';
import type { EventEnvelope } from '../event-envelope';
import type { InboxStore } from '../ports/inbox-store';
import { handlerGroup } from './handler-group';
import { retryDelayMs } from './redelivery';
import { RedisStreamsContext } from './redis-streams.context';
import { runEventHandlers, type EventHandlerFn } from './run-event-handler';

/** Options of {@link InProcessEventsServer}. */
export interface InProcessEventsServerOptions {
  bus: InProcessEventBus;
  contracts: EventContracts;
  inbox: InboxStore;
  /** The service's group (inbox dedupe), unless a handler names its own. */
  group: string;
  maxDeliveries: number;
  /** First retry delay, doubled per delivery (with jitter, as on Redis Streams). Default: 100 ms. */
  retryBaseMs?: number;
  /** Cap of the retry delay. Default: 60 s. */
  retryMaxMs?: number;
}

/** A dead letter of the in-process transport (kept in memory, also logged). */
export interface InProcessDeadLetter {
  envelope: unknown;
  error: string;
  deliveries: number;
}

/**
 * The consumer of pure memory mode: same `@EventPattern` handlers, validation, inbox,
 * retries and dead letters as {@link RedisStreamsServer}, without Redis — for dev:local.
 */
export class InProcessEventsServer extends Server implements CustomTransportStrategy {
  override readonly transportId = Symbol.for('mikasmissions.transport.in-process');
  /** Messages that failed `maxDeliveries` times or were invalid. */
  readonly deadLetters: InProcessDeadLetter[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: InProcessEventsServerOptions) {
    super();
  }

  on(): void {
    throw new Error('InProcessEventsServer does not emit transport events');
  }

  unwrap<T>(): T {
    return this.options.bus as T;
  }

  listen(callback: () => void): void {
    this.options.bus.subscribe((envelope) => this.track(this.deliver(envelope, 1)));
    callback();
  }

  async close(): Promise<void> {
    this.options.bus.subscribe(undefined);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.allSettled([...this.inFlight]);
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async deliver(envelope: EventEnvelope, deliveries: number): Promise<void> {
    try {
      this.options.contracts.assertEnvelope(envelope);
    } catch (error) {
      this.deadLetter(envelope, `invalid event: ${(error as Error).message}`, deliveries);
      return;
    }
    const handler = this.getHandlerByPattern(envelope.type) as EventHandlerFn | null;
    if (!handler) return;
    const ctx = new RedisStreamsContext([`in-process:${envelope.type}`, envelope.id, envelope, deliveries]);
    const [error] = await runEventHandlers([{ handler, envelope, ctx }], this.options.inbox, handlerGroup(handler, this.options.group), 1);
    if (error !== null) {
      const message = error instanceof Error ? error.message : String(error);
      if (deliveries >= this.options.maxDeliveries) {
        this.deadLetter(envelope, message, deliveries);
        return;
      }
      const timer = setTimeout(
        () => {
          this.timers.delete(timer);
          this.track(this.deliver(envelope, deliveries + 1));
        },
        retryDelayMs(deliveries, this.options.retryBaseMs ?? 100, this.options.retryMaxMs ?? 60_000),
      );
      this.timers.add(timer);
    }
  }

  private deadLetter(envelope: unknown, error: string, deliveries: number): void {
    this.deadLetters.push({ envelope, error, deliveries });
    if (this.deadLetters.length > 1_000) this.deadLetters.shift();
    this.logger.error?.(`dead-lettering in-process event after ${deliveries} deliveries: ${error}`);
  }
}
