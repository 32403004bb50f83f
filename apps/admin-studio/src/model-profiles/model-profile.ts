import type { Schema } from '@mikasmissions/contracts-api';

/** What an admin sends for a model profile (the contract's `ModelProfileInput`). */
export type ModelProfileInput = Schema<'ModelProfileInput'>;

/** A stored model profile (the contract's `ModelProfile`). */
export type ModelProfile = Schema<'ModelProfile'>;

/** The id of the profile that always exists: what a workflow uses unless told otherwise. */
export const DEFAULT_MODEL_PROFILE_ID = 'nim-default';

/**
 * `nim-default` until an admin PUTs it; its `base_url` is replaced by `NIM_BASE_URL` (default:
 * the local NIM stand-in, tools/fake-nim). Point it at the real provider with the env or a PUT.
 */
export const DEFAULT_MODEL_PROFILE: ModelProfile = {
  model_profile_id: DEFAULT_MODEL_PROFILE_ID,
  provider: 'nvidia_nim',
  base_url: 'http://127.0.0.1:8099',
  model_id: 'nvidia/cosmos-1.0-7b-text2world',
  timeout_ms: 30000,
  max_retries: 3,
  safety_preset: 'kids-strict',
};
