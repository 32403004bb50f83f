import type { DigestItem, DueDigest } from './digest';

/** Port: episodes collected per parent and local day until that day's digest is flushed. Adapters: memory, Postgres. */
export abstract class DigestRepository {
  /** Adds each episode to its parent's day; adding the same (parent, day, episode) again changes nothing. */
  abstract addMany(items: readonly DigestItem[]): Promise<void>;
  /** Up to `limit` parent-days with unflushed items whose day closed by `now`, each with its episodes in arrival order. */
  abstract due(now: Date, limit: number): Promise<DueDigest[]>;
  /** Marks the parent's open items of that day flushed. An item added later for the same day is due again, but its digest key is taken, so it is closed without a message. */
  abstract markFlushed(tenantId: string, parentUserId: string, localDay: string, at: Date): Promise<void>;
}
