import type { KidsHomeResponse } from '@mikasmissions/contracts-api';
import type { KidsMode } from '../policy/age-band';

/** The home's `primary_actions` per mode, as seed 000 lists them. */
export const PRIMARY_ACTIONS: Record<KidsMode, KidsHomeResponse['primary_actions']> = {
  early: ['Start', 'Mission', 'Favorites', 'Pause'],
  core: ['Resume', 'Mission', 'Explore', 'Progress', 'Library'],
  teen: ['Watch', 'Watchlist', 'Explore', 'Learn', 'Report'],
};
