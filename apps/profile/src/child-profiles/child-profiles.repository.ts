import type { ChildProfile, ChildProfileQuery, NewChildProfile } from './child-profile';

/** Port: where child-profiles live. Adapters: memory, Postgres (plain SQL). */
export abstract class ChildProfilesRepository {
  /** Stores the child-profile and returns it with its id and creation time. */
  abstract create(childProfile: NewChildProfile): Promise<ChildProfile>;
  /** The child-profile with this id in the tenant, or `null` (also for an id that is not a UUID). */
  abstract find(tenantId: string, id: string): Promise<ChildProfile | null>;
  /** Newest first, within one tenant. */
  abstract list(query: ChildProfileQuery): Promise<ChildProfile[]>;
}
