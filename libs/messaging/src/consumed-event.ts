import { AsyncLocalStorage } from 'node:async_hooks';
import type { EventEnvelope } from './event-envelope';

/** The event being handled in the current async flow (its id becomes `causationId` of events published meanwhile). */
export const consumedEvent = new AsyncLocalStorage<EventEnvelope>();
