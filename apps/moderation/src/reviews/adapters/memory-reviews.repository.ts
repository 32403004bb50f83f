import type { DecideOutcome, NewReview, Review, ReviewDecisionChange } from '../review';
import { ReviewsRepository } from '../reviews.repository';

/** In-process reviews for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryReviewsRepository extends ReviewsRepository {
  private readonly rows = new Map<string, Review>();

  async record(review: NewReview): Promise<{ created: boolean; review: Review }> {
    const found = this.rows.get(review.assetId);
    if (found) return { created: false, review: structuredClone(found) };
    const now = new Date().toISOString();
    const stored: Review = {
      ...structuredClone(review),
      episodeId: review.asset.episodeId,
      creatorId: review.asset.creatorId,
      decisionNote: null,
      createdAt: now,
      decidedAt: review.status === 'queued' ? null : now,
    };
    this.rows.set(review.assetId, stored);
    return { created: true, review: structuredClone(stored) };
  }

  async find(assetId: string): Promise<Review | null> {
    const found = this.rows.get(assetId);
    return found ? structuredClone(found) : null;
  }

  async listQueued(limit: number): Promise<Review[]> {
    return [...this.rows.values()]
      .filter((r) => r.status === 'queued')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.assetId.localeCompare(b.assetId))
      .slice(0, limit)
      .map((r) => structuredClone(r));
  }

  async decide(assetId: string, change: ReviewDecisionChange): Promise<DecideOutcome> {
    const found = this.rows.get(assetId);
    if (!found) return { kind: 'missing' };
    if (found.status !== 'queued') return { kind: 'conflict', status: found.status };
    const before = structuredClone(found);
    found.status = change.to;
    found.decidedBy = change.by;
    found.decidedAt = new Date().toISOString();
    found.decisionNote = change.note ?? null;
    if (change.reason) found.reason = change.reason;
    return { kind: 'decided', before, review: structuredClone(found) };
  }
}
