import type { AssetStatus } from './asset';

/** The statuses an asset never leaves. */
export const FINAL_STATUSES: readonly AssetStatus[] = ['published', 'rejected', 'failed'];

const RANK: Record<AssetStatus, number> = {
  queued: 0,
  ingested: 1,
  transcoding: 2,
  transcoded: 3,
  in_review: 4,
  approved: 5,
  published: 6,
  rejected: 7,
  failed: 7,
};

/**
 * Whether a report of `next` may replace `current`: never after a final status, and never
 * backwards through the stages (a late `ingested` after `transcoding` started, a redelivered
 * `transcoded` after `published`); the same status again is allowed (e.g. with an error).
 */
export function mayMoveTo(current: AssetStatus, next: AssetStatus): boolean {
  return !isFinalStatus(current) && RANK[next] >= RANK[current];
}

/** The statuses a transcode progress report may still move (before `transcoded`). */
export const BEFORE_TRANSCODED: readonly AssetStatus[] = ['queued', 'ingested', 'transcoding'];

/** `true` when an asset in this status is done (a late or redelivered stage report changes nothing). */
export function isFinalStatus(status: AssetStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
