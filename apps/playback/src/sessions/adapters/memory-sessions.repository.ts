import { uuidv7 } from 'uuidv7';
import type { Session, SessionQuery, NewSession } from '../session';
import { SessionsRepository } from '../sessions.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemorySessionsRepository extends SessionsRepository {
  private readonly rows = new Map<string, Session>();

  async create(session: NewSession): Promise<Session> {
    const stored: Session = { id: uuidv7(), tenantId: session.tenantId, name: session.name, createdAt: new Date().toISOString() };
    this.rows.set(stored.id, stored);
    return { ...stored };
  }

  async find(tenantId: string, id: string): Promise<Session | null> {
    const found = this.rows.get(id.toLowerCase());
    return found && found.tenantId === tenantId ? { ...found } : null;
  }

  async list(query: SessionQuery): Promise<Session[]> {
    return [...this.rows.values()]
      .filter((row) => row.tenantId === query.tenantId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      .slice(0, query.limit)
      .map((row) => ({ ...row }));
  }
}
