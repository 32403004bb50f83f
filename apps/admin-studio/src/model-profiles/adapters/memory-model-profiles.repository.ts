import type { ModelProfile } from '../model-profile';
import { ModelProfilesRepository } from '../model-profiles.repository';

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryModelProfilesRepository extends ModelProfilesRepository {
  private readonly rows = new Map<string, ModelProfile>();

  async find(id: string): Promise<ModelProfile | null> {
    const found = this.rows.get(id);
    return found ? { ...found } : null;
  }

  async put(profile: ModelProfile): Promise<ModelProfile> {
    this.rows.set(profile.model_profile_id, { ...profile });
    return { ...profile };
  }
}
