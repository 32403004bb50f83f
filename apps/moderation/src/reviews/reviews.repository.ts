import type { DecideOutcome, NewReview, Review, ReviewDecisionChange } from './review';

/** Port: one review per asset. Adapters: memory, Postgres (plain SQL); one contract suite. */
export abstract class ReviewsRepository {
  /** Stores the review unless the asset has one already; returns the stored review and whether this call created it. */
  abstract record(review: NewReview): Promise<{ created: boolean; review: Review }>;
  /** The review of an asset, or `null`. */
  abstract find(assetId: string): Promise<Review | null>;
  /** The queued reviews, oldest first, at most `limit`. */
  abstract listQueued(limit: number): Promise<Review[]>;
  /** Decides a queued review in one conditional write, so two racing admins cannot both win. */
  abstract decide(assetId: string, change: ReviewDecisionChange): Promise<DecideOutcome>;
}
