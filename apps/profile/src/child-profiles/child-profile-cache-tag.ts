/** The `@Cache` tag of one profile's internal lookup; deleting the profile invalidates it. */
export const childProfileCacheTag = (childProfileId: string): string => `child-profile:${childProfileId.toLowerCase()}`;
