/** Who is calling: set by the auth layer once a token is verified. */
export interface Principal {
  userId: string;
  tenantId?: string;
  roles: string[];
  sessionId?: string;
  /** Any further verified claims. */
  claims?: Readonly<Record<string, unknown>>;
}

/** What `@Context()` hands a handler. */
export interface RequestContextSnapshot {
  requestId: string;
  tenantId: string;
  principal?: Principal;
}
