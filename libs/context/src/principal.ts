/** Who is calling: set by the auth layer once a token is verified. */
export interface Principal {
  userId: string;
  tenantId?: string;
  roles: string[];
  sessionId?: string;
  /** Any further verified claims. */
  claims?: Readonly<Record<string, unknown>>;
  /** The edge role the gateway verified (`parent`, `child`, `service`, …), when the identity came from it. */
  role?: string;
  /** The parent the caller acts as (a parent's own id, or a child's parent). */
  parentUserId?: string;
  /** The child profile of a child principal. */
  childProfileId?: string;
}

/** What `@Context()` hands a handler. */
export interface RequestContextSnapshot {
  requestId: string;
  tenantId: string;
  principal?: Principal;
  /** The principal's edge role (libs/service-identity), if any. */
  role?: string;
  /** The principal's parent user id, if any. */
  parentUserId?: string;
  /** The principal's child profile id, if any. */
  childProfileId?: string;
}
