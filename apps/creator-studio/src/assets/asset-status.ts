import type { AssetStatus } from './asset';

/** The statuses an asset never leaves. */
export const FINAL_STATUSES: readonly AssetStatus[] = ['published', 'rejected', 'failed'];

/** `true` when an asset in this status is done (a late or redelivered stage report changes nothing). */
export function isFinalStatus(status: AssetStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
