import type { FiredRule, MediaTranscodedPayload } from '@mikasmissions/contracts-events';
import type { TrustLevel } from '../rules/moderation-rules';

/** Where an asset stands in moderation: `queued` waits for an admin; `approved` and `rejected` are final. */
export type ReviewStatus = 'queued' | 'approved' | 'rejected';

/** What the policy stage records for one asset. */
export interface NewReview {
  assetId: string;
  tenantId: string;
  status: ReviewStatus;
  rules: FiredRule[];
  reason: string | null;
  language: string;
  trust: TrustLevel;
  /** The `media.transcoded` payload, so an approval can publish `media.approved` later. */
  asset: MediaTranscodedPayload;
  /** `policy` for an automatic final decision; `null` while queued. */
  decidedBy: string | null;
}

/** One review, as stored. */
export interface Review extends NewReview {
  episodeId: string;
  creatorId: string;
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/** An admin's decision on a queued review. */
export interface ReviewDecisionChange {
  to: 'approved' | 'rejected';
  by: string;
  /** The rejection reason (snake_case), kept as the review's reason. */
  reason?: string;
  note?: string;
}

/** The outcome of {@link ReviewDecisionChange}: decided (with the review before), unknown, or not queued any more. */
export type DecideOutcome =
  { kind: 'decided'; before: Review; review: Review } | { kind: 'missing' } | { kind: 'conflict'; status: ReviewStatus };
