import type { FamilyScope } from '../family-scope/family-scope';

/** A child's device session: the AuthX session its child token belongs to. */
export interface KidsSession {
  sessionId: string;
  tenantId: string;
  parentUserId: string;
  childProfileId: string;
  createdAt: Date;
  expiresAt: Date;
}

/**
 * Port: which AuthX sessions are kids sessions of which child (so a parent can list and revoke
 * them), within a {@link FamilyScope}. Adapters: memory, Postgres (row-level security).
 */
export abstract class KidsSessionStore {
  /** Records a new kids session. */
  abstract add(scope: FamilyScope, session: KidsSession): Promise<void>;
  /** The child's sessions that are neither revoked nor over at `now`, oldest first. */
  abstract live(scope: FamilyScope, childProfileId: string, now: Date): Promise<KidsSession[]>;
  /** Marks sessions revoked; returns how many were live. */
  abstract markRevoked(scope: FamilyScope, sessionIds: string[], at: Date): Promise<number>;
  /** Deletes every session row of the child, revoked or not (erasure; revoke the live ones first); returns how many. */
  abstract eraseChild(scope: FamilyScope, childProfileId: string): Promise<number>;
}
