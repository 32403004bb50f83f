import { defineEvent } from '../event-definition';
import childProfileCreatedV1 from '../schemas/child.profile.created.v1.json';
import childProfileDeletedV1 from '../schemas/child.profile.deleted.v1.json';

/** A child's age band, as the v1 contract's `AgeBand`. */
export type ChildAgeBand = '3-5' | '6-11' | '12-16';

/** Payload of {@link ChildProfileCreated}: ids and the age band only, never the child's name or avatar. */
export interface ChildProfileCreatedPayload {
  parentUserId: string;
  childProfileId: string;
  ageBand: ChildAgeBand;
}

/** `child.profile.created` v1 (profile): a parent created a child profile. */
export const ChildProfileCreated = defineEvent<ChildProfileCreatedPayload>({
  type: 'child.profile.created',
  version: 1,
  schema: childProfileCreatedV1,
});

/** Payload of {@link ChildProfileDeleted}. */
export interface ChildProfileDeletedPayload {
  parentUserId: string;
  childProfileId: string;
}

/**
 * `child.profile.deleted` v1 (profile): a parent deleted a child profile; every service that
 * holds the child's data erases it when it consumes this (COPPA / GDPR erasure).
 */
export const ChildProfileDeleted = defineEvent<ChildProfileDeletedPayload>({
  type: 'child.profile.deleted',
  version: 1,
  schema: childProfileDeletedV1,
});
