import type { ChildAgeBand } from '@mikasmissions/contracts-events';
import type { ChildProfile, NewChildProfile } from './child-profile';

/**
 * Port: where child profiles live. Every read and write but {@link findForService} acts for one
 * parent (the Postgres adapter sets that parent for row-level security in the transaction);
 * {@link findForService} and {@link parentsWithChildIn} are the `/internal` lookups, the only ones that see every family.
 * Adapters: memory, Postgres (plain SQL).
 */
export abstract class ChildProfilesRepository {
  /** Stores the profile for its parent and returns it with its id and creation time. */
  abstract create(profile: NewChildProfile): Promise<ChildProfile>;
  /** The profile with this id if `parentUserId` owns it, else `null` (also for an id that is not a UUID). */
  abstract findOwned(parentUserId: string, childProfileId: string): Promise<ChildProfile | null>;
  /** The parent's profiles, oldest first. */
  abstract listByParent(parentUserId: string): Promise<ChildProfile[]>;
  /** Removes the profile if `parentUserId` owns it; returns what was removed, or `null`. */
  abstract delete(parentUserId: string, childProfileId: string): Promise<ChildProfile | null>;
  /** The profile with this id, whoever owns it (service callers of `/internal/profiles/{id}` only). */
  abstract findForService(childProfileId: string): Promise<ChildProfile | null>;
  /** Distinct parent ids with a child in `band`, ascending, after `after` (keyset), at most `limit` (service callers of `/internal/age-bands/{band}/parents` only). */
  abstract parentsWithChildIn(band: ChildAgeBand, after: string | null, limit: number): Promise<string[]>;
}
