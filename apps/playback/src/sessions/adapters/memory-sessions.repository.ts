import type { SessionCapReason } from '@mikasmissions/contracts-events';
import { uuidv7 } from 'uuidv7';
import type { NewSession, Session } from '../session';
import { SessionsRepository } from '../sessions.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemorySessionsRepository extends SessionsRepository {
  private readonly rows = new Map<string, Session>();

  async create(session: NewSession): Promise<Session> {
    const stored: Session = {
      ...session,
      id: uuidv7(),
      minutesWatched: 0,
      startedAt: session.startedAt.toISOString(),
      lastHeartbeatAt: null,
      endedAt: null,
      endReason: null,
    };
    this.rows.set(stored.id, stored);
    return { ...stored };
  }

  async find(id: string): Promise<Session | null> {
    const found = this.rows.get(id.toLowerCase());
    return found ? { ...found } : null;
  }

  async heartbeat(id: string, at: Date, minutesWatched: number): Promise<Session | null> {
    const found = this.rows.get(id.toLowerCase());
    if (!found) return null;
    found.lastHeartbeatAt = at.toISOString();
    found.minutesWatched = Math.max(found.minutesWatched, minutesWatched);
    return { ...found };
  }

  async end(id: string, at: Date, reason: SessionCapReason): Promise<boolean> {
    const found = this.rows.get(id.toLowerCase());
    if (!found || found.endedAt) return false;
    found.endedAt = at.toISOString();
    found.endReason = reason;
    return true;
  }

  async eraseChild(tenantId: string, childProfileId: string): Promise<number> {
    let removed = 0;
    for (const [id, row] of this.rows) {
      if (row.tenantId !== tenantId || row.childProfileId !== childProfileId) continue;
      this.rows.delete(id);
      removed += 1;
    }
    return removed;
  }
}
