/** One session, as stored and returned. */
export interface Session {
  id: string;
  tenantId: string;
  name: string;
  createdAt: string;
}

/** What a caller asks to store. */
export interface NewSession {
  tenantId: string;
  name: string;
}

/** Filter of a listing: one tenant, newest first, at most `limit`. */
export interface SessionQuery {
  tenantId: string;
  limit: number;
}
