/**
 * The fixed avatar set of the v1 contract (`Avatar`'s `x-avatar-ids`): pictures a child picks,
 * never a photo. `avatars.spec.ts` keeps this list and the contract equal.
 */
export const AVATAR_IDS: readonly string[] = ['bear', 'cat', 'dino', 'fox', 'owl', 'panda', 'robot', 'rocket', 'star', 'whale'];
