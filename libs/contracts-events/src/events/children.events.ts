import { defineEvent } from '../event-definition';
import childProfileDeletedV1 from '../schemas/child.profile.deleted.v1.json';

/** Payload of {@link ChildProfileDeleted}. */
export interface ChildProfileDeletedPayload {
  parentUserId: string;
  childProfileId: string;
}

/** `child.profile.deleted` v1: a parent deleted a child profile; every service erases that child's data. */
export const ChildProfileDeleted = defineEvent<ChildProfileDeletedPayload>({
  type: 'child.profile.deleted',
  version: 1,
  schema: childProfileDeletedV1,
});
