import type { MediaApprovedPayload, MediaReviewedPayload } from '@mikasmissions/contracts-events';
import type { Review } from './review';

/** A review as the admin API shows it (the contract's `ModerationQueueItem`, snake_case). */
export interface ReviewView {
  asset_id: string;
  episode_id: string;
  creator_id: string;
  status: Review['status'];
  rules: Review['rules'];
  reason: string | null;
  language: string;
  creator_trust: Review['trust'];
  title?: string;
  summary?: string;
  show_id?: string;
  age_band?: string;
  learning_tags: string[];
  duration_ms: number;
  thumbnail_key?: string;
  review_required: boolean;
  decided_by: string | null;
  decision_note: string | null;
  queued_at: string;
  decided_at: string | null;
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  value === undefined ? {} : ({ [key]: value } as Record<K, V>);

/** The admin API's view of a review. */
export function toReviewView(r: Review): ReviewView {
  const a = r.asset;
  return {
    asset_id: r.assetId,
    episode_id: r.episodeId,
    creator_id: r.creatorId,
    status: r.status,
    rules: r.rules,
    reason: r.reason,
    language: r.language,
    creator_trust: r.trust,
    ...optional('title', a.title),
    ...optional('summary', a.summary),
    ...optional('show_id', a.showId),
    ...optional('age_band', a.ageBand),
    learning_tags: a.learningTags ?? [],
    duration_ms: a.durationMs,
    ...optional('thumbnail_key', a.thumbnailKey),
    review_required: a.reviewRequired === true,
    decided_by: r.decidedBy,
    decision_note: r.decisionNote,
    queued_at: r.createdAt,
    decided_at: r.decidedAt,
  };
}

/** The `media.reviewed` payload of a review's current decision. */
export function reviewedEvent(r: Review, reviewer: string): MediaReviewedPayload {
  return {
    assetId: r.assetId,
    episodeId: r.episodeId,
    creatorId: r.creatorId,
    decision: r.status,
    rules: r.rules,
    ...optional('reason', r.reason ?? undefined),
    reviewer,
    ...optional('runId', r.asset.runId),
  };
}

/** The `media.approved` payload of an approved review: everything publish needs, from the transcoded asset. */
export function approvedEvent(r: Review): MediaApprovedPayload {
  const a = r.asset;
  if (!a.ageBand) throw new Error(`review ${r.assetId} has no age band and cannot be approved`);
  return {
    assetId: a.assetId,
    episodeId: a.episodeId,
    creatorId: a.creatorId,
    durationMs: a.durationMs,
    renditions: a.renditions.map((x) => ({ ...x })),
    ...optional('thumbnailKey', a.thumbnailKey),
    ...optional('masterKey', a.masterKey),
    ...optional('title', a.title),
    ...optional('summary', a.summary),
    ...optional('showId', a.showId),
    ageBand: a.ageBand,
    ...optional('learningTags', a.learningTags ? [...a.learningTags] : undefined),
    ...optional('runId', a.runId),
    ...optional('language', a.language),
  };
}
