/** One new episode waiting in a parent's digest of a local day. Only the episode's id and title: nothing about the child. */
export interface DigestItem {
  tenantId: string;
  parentUserId: string;
  /** `YYYY-MM-DD` in the parent's digest timezone. */
  localDay: string;
  episodeId: string;
  title: string;
  /** When the local day ends: the digest is due from then. */
  closesAt: Date;
}

/** The items of one parent and day, due to go out as one message. */
export interface DueDigest {
  tenantId: string;
  parentUserId: string;
  localDay: string;
  episodes: Array<{ episodeId: string; title: string }>;
}
