import type { ChildAgeBand } from '@mikasmissions/contracts-events';

/** The age bands of the v1 contract (`AgeBand`). */
export const AGE_BANDS: readonly ChildAgeBand[] = ['3-5', '6-11', '12-16'];

/** One child profile, as stored. The display name and avatar never leave the profile service except to the owning parent. */
export interface ChildProfile {
  childProfileId: string;
  parentUserId: string;
  displayName: string;
  ageBand: ChildAgeBand;
  avatar: string;
  createdAt: string;
}

/** What a parent asks to store (validated). */
export type NewChildProfile = Omit<ChildProfile, 'childProfileId' | 'createdAt'>;
