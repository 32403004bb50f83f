import type { ResponseBody, Schema } from '@mikasmissions/contracts-api';
import type { ChildProfile } from '../child-profile';

/** One profile in the owning parent's list (the contract's `ChildProfile`). */
export type ChildProfileView = Schema<'ChildProfile'>;
/** The answer of `GET /v1/children/profiles`. */
export type ChildProfileListView = ResponseBody<'listChildProfiles', 200>;

/** What `POST` returns to the pipeline: the contract's 201 body plus the ids `@Publish` maps (`@Serialize` drops them). */
export type CreatedChildProfile = ResponseBody<'createChildProfile', 201> & { parent_user_id: string; age_band: ChildProfile['ageBand'] };

/** `GET /internal/profiles/{id}`: ids and age band only, for other services. */
export interface InternalChildProfileView {
  child_profile_id: string;
  parent_user_id: string;
  age_band: ChildProfile['ageBand'];
}

/** `GET /internal/profiles?parent_user_id=`: the parent's own dashboard read. */
export interface InternalChildProfileListView {
  profiles: Array<{ child_profile_id: string; display_name: string; age_band: ChildProfile['ageBand']; created_at: string }>;
}

/** The contract's `ChildProfile` of a stored profile. */
export const toChildProfileView = (p: ChildProfile): ChildProfileView => ({
  child_profile_id: p.childProfileId,
  parent_user_id: p.parentUserId,
  display_name: p.displayName,
  age_band: p.ageBand,
  avatar: p.avatar,
  created_at: p.createdAt,
});

/** `@Serialize` schema of the 201 body: only `child_profile_id` and `safe_defaults` reach the client. */
export const createdChildProfileSchema = {
  title: 'CreateChildProfileResponse',
  type: 'object',
  properties: { child_profile_id: { type: 'string' }, safe_defaults: { type: 'boolean' } },
  required: ['child_profile_id', 'safe_defaults'],
};

/** `@Serialize` schema of the internal lookup: no display name, no avatar. */
export const internalChildProfileSchema = {
  title: 'InternalChildProfile',
  type: 'object',
  properties: { child_profile_id: { type: 'string' }, parent_user_id: { type: 'string' }, age_band: { type: 'string' } },
  required: ['child_profile_id', 'parent_user_id', 'age_band'],
};
