import { uuidv7 } from 'uuidv7';
import type { WatchEvent, WatchEventQuery, NewWatchEvent } from '../watch-event';
import { WatchEventsRepository } from '../watch-events.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryWatchEventsRepository extends WatchEventsRepository {
  private readonly rows = new Map<string, WatchEvent>();

  async create(watchEvent: NewWatchEvent): Promise<WatchEvent> {
    const stored: WatchEvent = { id: uuidv7(), tenantId: watchEvent.tenantId, name: watchEvent.name, createdAt: new Date().toISOString() };
    this.rows.set(stored.id, stored);
    return { ...stored };
  }

  async find(tenantId: string, id: string): Promise<WatchEvent | null> {
    const found = this.rows.get(id.toLowerCase());
    return found && found.tenantId === tenantId ? { ...found } : null;
  }

  async list(query: WatchEventQuery): Promise<WatchEvent[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === query.tenantId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .slice(0, query.limit)
      .map((row) => ({ ...row }));
  }
}
