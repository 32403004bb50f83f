import type { WatchEvent, WatchEventQuery, NewWatchEvent } from './watch-event';

/** Port: where watch-events live. Adapters: memory, Postgres (plain SQL). */
export abstract class WatchEventsRepository {
  /** Stores the watch-event and returns it with its id and creation time. */
  abstract create(watchEvent: NewWatchEvent): Promise<WatchEvent>;
  /** The watch-event with this id in the tenant, or `null` (also for an id that is not a UUID). */
  abstract find(tenantId: string, id: string): Promise<WatchEvent | null>;
  /** Newest first, within one tenant. */
  abstract list(query: WatchEventQuery): Promise<WatchEvent[]>;
}
