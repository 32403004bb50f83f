import type { ModelProfile } from './model-profile';

/** Port: where model profiles live. Adapters: memory, Postgres (plain SQL). */
export abstract class ModelProfilesRepository {
  /** The stored profile, or `null`. */
  abstract find(id: string): Promise<ModelProfile | null>;
  /** Creates or replaces the profile and returns what is stored. */
  abstract put(profile: ModelProfile): Promise<ModelProfile>;
}
