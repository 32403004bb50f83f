/** One watch-event, as stored and returned. */
export interface WatchEvent {
  id: string;
  tenantId: string;
  name: string;
  createdAt: string;
}

/** What a caller asks to store. */
export interface NewWatchEvent {
  tenantId: string;
  name: string;
}

/** Filter of a listing: one tenant, newest first, at most `limit`. */
export interface WatchEventQuery {
  tenantId: string;
  limit: number;
}
