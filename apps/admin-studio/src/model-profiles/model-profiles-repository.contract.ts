import type { ModelProfile } from './model-profile';
import type { ModelProfilesRepository } from './model-profiles.repository';

/** A valid profile with a fresh id; `overrides` replace fields. */
export const sampleModelProfile = (overrides: Partial<ModelProfile> = {}): ModelProfile => ({
  model_profile_id: `mp-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
  provider: 'nvidia_nim',
  base_url: 'http://127.0.0.1:8099',
  model_id: 'nvidia/test-model',
  timeout_ms: 5000,
  max_retries: 2,
  safety_preset: 'kids-strict',
  ...overrides,
});

/** The behaviour every ModelProfilesRepository adapter must have (memory and Postgres specs run it). */
export function modelProfilesRepositoryContract(
  name: string,
  make: () => Promise<ModelProfilesRepository> | ModelProfilesRepository,
): void {
  describe(`ModelProfilesRepository contract: ${name}`, () => {
    let repo: ModelProfilesRepository;

    beforeEach(async () => {
      repo = await make();
    });

    it('stores a profile and finds it; an unknown id is null', async () => {
      const profile = sampleModelProfile();
      expect(await repo.put(profile)).toEqual(profile);
      expect(await repo.find(profile.model_profile_id)).toEqual(profile);
      expect(await repo.find(`${profile.model_profile_id}-nope`)).toBeNull();
    });

    it('replaces a profile on a second put', async () => {
      const profile = sampleModelProfile();
      await repo.put(profile);
      const replaced = { ...profile, timeout_ms: 120000, max_retries: 0, model_id: 'other' };
      expect(await repo.put(replaced)).toEqual(replaced);
      expect(await repo.find(profile.model_profile_id)).toEqual(replaced);
    });

    it('hands out copies', async () => {
      const stored = await repo.put(sampleModelProfile());
      stored.model_id = 'changed';
      expect((await repo.find(stored.model_profile_id))?.model_id).toBe('nvidia/test-model');
    });
  });
}
