/** One episode, as stored and returned. */
export interface Episode {
  id: string;
  tenantId: string;
  name: string;
  createdAt: string;
}

/** What a caller asks to store. */
export interface NewEpisode {
  tenantId: string;
  name: string;
}

/** Filter of a listing: one tenant, newest first, at most `limit`. */
export interface EpisodeQuery {
  tenantId: string;
  limit: number;
}
