import { defineEvent } from '../event-definition';
import mediaApprovedV1 from '../schemas/media.approved.v1.json';
import mediaReviewedV1 from '../schemas/media.reviewed.v1.json';
import type { MediaRendition } from './media.events';

/** What moderation decided about an asset. */
export type ReviewDecision = 'approved' | 'rejected' | 'queued';

/** One moderation rule that fired: `hard` rejects, `soft` queues the asset for an admin. */
export interface FiredRule {
  /** snake_case rule id, e.g. `blocked_term`, `duration_out_of_bounds`, `creator_trust`. */
  rule: string;
  severity: 'hard' | 'soft';
  /** What matched, e.g. the term or the measured duration (never personal data). */
  detail?: string;
}

/** Payload of {@link MediaReviewed}. */
export interface MediaReviewedPayload {
  assetId: string;
  episodeId: string;
  creatorId: string;
  decision: ReviewDecision;
  /** The rules that fired; empty when every rule passed. */
  rules: FiredRule[];
  /** The reason of a rejection or of the queueing (the first hard rule, else the first soft one). */
  reason?: string;
  /** `policy` for the automatic decision, else the deciding admin's subject. */
  reviewer: string;
  runId?: string;
}

/** `media.reviewed` v1: moderation decided on a transcoded asset (automatically or by an admin). */
export const MediaReviewed = defineEvent<MediaReviewedPayload>({ type: 'media.reviewed', version: 1, schema: mediaReviewedV1 });

/** Payload of {@link MediaApproved}: everything the publish stage needs, with the upload's metadata carried on. */
export interface MediaApprovedPayload {
  assetId: string;
  episodeId: string;
  creatorId: string;
  durationMs: number;
  renditions: MediaRendition[];
  thumbnailKey?: string;
  /** Key of the HLS master playlist listing every rendition. */
  masterKey?: string;
  title?: string;
  summary?: string;
  showId?: string;
  /** Required: moderation rejects an asset without one. */
  ageBand: '3-5' | '6-11' | '12-16';
  learningTags?: string[];
  /** admin-studio's run when the asset came from an AI generation run; publish puts it on `episode.published`. */
  runId?: string;
  language?: string;
}

/** `media.approved` v1: moderation approved an asset; the publish stage takes it. */
export const MediaApproved = defineEvent<MediaApprovedPayload>({ type: 'media.approved', version: 1, schema: mediaApprovedV1 });
