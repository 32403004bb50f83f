/** One child-profile, as stored and returned. */
export interface ChildProfile {
  id: string;
  tenantId: string;
  name: string;
  createdAt: string;
}

/** What a caller asks to store. */
export interface NewChildProfile {
  tenantId: string;
  name: string;
}

/** Filter of a listing: one tenant, newest first, at most `limit`. */
export interface ChildProfileQuery {
  tenantId: string;
  limit: number;
}
