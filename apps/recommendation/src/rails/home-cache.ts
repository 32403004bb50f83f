import type { CacheKeyRequest, CacheOptions } from '@mikasmissions/cache';

/** The cache tag of one child's home and rails (invalidated by its progress and controls events). */
export const childHomeTag = (childProfileId: string): string => `rec:child:${childProfileId}`;

/** The cache tag of every home (expired, not dropped, when an episode is published). */
export const ALL_HOMES_TAG = 'rec:homes';

/**
 * `@Cache` of the home routes: per principal (a parent's cached answer is never another
 * caller's), fresh 30 s, then served stale for 5 min while one refresh runs; tagged per child.
 */
export const HOME_CACHE: CacheOptions = {
  ttlMs: 30_000,
  swrMs: 300_000,
  scope: 'principal',
  tags: (req: CacheKeyRequest) => [childHomeTag(String(req.query.child_profile_id ?? '')), ALL_HOMES_TAG],
};
