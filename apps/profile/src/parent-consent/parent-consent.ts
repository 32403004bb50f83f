/** A parent's consent state as identity reports it; `null` when identity knows no such parent. */
export type ParentConsentStatus = 'active' | 'pending_consent';

/**
 * Port: whether a parent has verified parental consent (COPPA), asked before a child profile is
 * created. Adapters: {@link ServiceClientParentConsent} (identity's
 * `GET /internal/parents/{parent_user_id}`), {@link MemoryParentConsent} for tests.
 * An adapter that cannot get an answer throws a 503 error (`Retry-After`), never "not active".
 */
export abstract class ParentConsent {
  /** The parent's status, or `null` for an unknown parent. */
  abstract statusOf(parentUserId: string): Promise<ParentConsentStatus | null>;
}
