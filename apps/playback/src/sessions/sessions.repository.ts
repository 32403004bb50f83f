import type { Session, SessionQuery, NewSession } from './session';

/** Port: where sessions live. Adapters: memory, Postgres (plain SQL). */
export abstract class SessionsRepository {
  /** Stores the session and returns it with its id and creation time. */
  abstract create(session: NewSession): Promise<Session>;
  /** The session with this id in the tenant, or `null` (also for an id that is not a UUID). */
  abstract find(tenantId: string, id: string): Promise<Session | null>;
  /** Newest first, within one tenant. */
  abstract list(query: SessionQuery): Promise<Session[]>;
}
