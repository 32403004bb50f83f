/**
 * The `@Cache` tag of a child's internal controls read, invalidated by every PUT.
 *
 * @example
 * await cache.invalidateTag(controlsCacheTag('c1'));
 */
export const controlsCacheTag = (childProfileId: string): string => `controls:${childProfileId}`;
