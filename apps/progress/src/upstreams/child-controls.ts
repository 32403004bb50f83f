/** The part of a child's parental controls progress reads. */
export interface ChildControlsView {
  parentUserId: string;
  /** IANA zone of the ledger's local days; absent → Europe/Berlin. */
  timezone?: string;
  /** The daily watch limit; absent → {@link DEFAULT_SESSION_LIMIT_MINUTES}. */
  sessionLimitMinutes?: number;
  historyPaused: boolean;
}

/** The daily limit of a child without controls (the identity service's strict default). */
export const DEFAULT_SESSION_LIMIT_MINUTES = 30;

/**
 * Port: a child's controls from the identity service (`GET /internal/controls/{child}`).
 * `null` for a child identity has no controls for; an identity that cannot answer throws
 * (503). Adapters: over ServiceClient, memory.
 */
export abstract class ChildControls {
  /** The child's controls, or `null` when there are none. */
  abstract find(childProfileId: string): Promise<ChildControlsView | null>;
}
