import type { SessionCapReason } from '@mikasmissions/contracts-events';
import type { NewSession, Session } from './session';

/** Port: where playback sessions live. Adapters: memory, Postgres (plain SQL, row-level security by the acting parent). */
export abstract class SessionsRepository {
  /** Stores the session and returns it with its id. */
  abstract create(session: NewSession): Promise<Session>;
  /** The session with this id, or `null` (also for an id that is not a UUID). */
  abstract find(id: string): Promise<Session | null>;
  /** Records a heartbeat at `at` with the minutes watched so far (never lowered); `null` for an unknown id. */
  abstract heartbeat(id: string, at: Date, minutesWatched: number): Promise<Session | null>;
  /** Ends the session at `at` for `reason`; `true` only for the call that ended it (an ended session stays as it was). */
  abstract end(id: string, at: Date, reason: SessionCapReason): Promise<boolean>;
  /** Deletes every session of the child in the tenant (erasure on `child.profile.deleted`, as the service); returns how many there were. */
  abstract eraseChild(tenantId: string, childProfileId: string): Promise<number>;
}
