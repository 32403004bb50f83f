import { Injectable, Logger } from '@nestjs/common';
import {
  MediaApproved,
  type MediaApprovedPayload,
  MediaRejected,
  type MediaRejectedPayload,
  MediaReviewed,
  type MediaTranscodedPayload,
} from '@mikasmissions/contracts-events';
import { RequestContext } from '@mikasmissions/context';
import { EventPublisher } from '@mikasmissions/messaging';
import type { ModerationAction } from '../audit/audit-entry';
import { AuditService } from '../audit/audit.service';
import { CreatorTrustService } from '../creators/creator-trust.service';
import { PolicyEvaluator } from '../rules/policy-evaluator';
import type { Review, ReviewDecisionChange } from './review';
import { approvedEvent, reviewedEvent, toReviewView, type ReviewView } from './review.view';
import { ReviewAlreadyDecidedError, ReviewNotFoundError } from './reviews.errors';
import { ReviewsRepository } from './reviews.repository';

/** An admin approval's answer (the review; `@Serialize` drops `event`), with the `media.approved` payload `@Publish` writes in the same transaction. */
export type ApprovedResult = ReviewView & { event: MediaApprovedPayload };

/** An admin rejection's answer, with its `media.rejected` payload. */
export type RejectedResult = ReviewView & { event: MediaRejectedPayload };

const AUTO_ACTION: Record<Review['status'], ModerationAction> = {
  approved: 'moderation.auto_approved',
  rejected: 'moderation.auto_rejected',
  queued: 'moderation.queued',
};

/**
 * Moderation decisions: the policy's automatic one on `media.transcoded` and an admin's on a queued
 * asset. Each writes the review, its audit entry and its events (`media.reviewed`, then
 * `media.approved` or `media.rejected`) in the caller's unit of work: the consumer's inbox
 * transaction, or the route's `@Publish` transaction.
 */
@Injectable()
export class ReviewsService {
  private readonly logger = new Logger('Moderation');

  constructor(
    private readonly reviews: ReviewsRepository,
    private readonly policy: PolicyEvaluator,
    private readonly audit: AuditService,
    private readonly events: EventPublisher,
    private readonly ctx: RequestContext,
    private readonly trust: CreatorTrustService,
  ) {}

  /** Applies the policy (with the creator's current trust level) to a transcoded asset once; a second event for the same asset changes nothing. */
  async review(asset: MediaTranscodedPayload, tenantId: string): Promise<Review | null> {
    const verdict = this.policy.evaluate(asset, await this.trust.levelOf(tenantId, asset.creatorId));
    const { created, review } = await this.reviews.record({
      assetId: asset.assetId,
      tenantId,
      status: verdict.decision,
      rules: verdict.rules,
      reason: verdict.reason ?? null,
      language: verdict.language,
      trust: verdict.trust,
      asset,
      decidedBy: verdict.decision === 'queued' ? null : 'policy',
    });
    if (!created) {
      this.logger.warn(`asset ${asset.assetId} was already reviewed (${review.status}); media.transcoded ignored`);
      return null;
    }
    await this.audit.record({
      actor: 'policy',
      actor_role: 'service',
      action: AUTO_ACTION[review.status],
      target_type: 'asset',
      target_id: review.assetId,
      before: null,
      after: { ...toReviewView(review) },
    });
    const aggregateId = review.assetId;
    await this.events.publish(MediaReviewed, reviewedEvent(review, 'policy'), { aggregateId });
    if (review.status === 'approved') await this.events.publish(MediaApproved, approvedEvent(review), { aggregateId });
    if (review.status === 'rejected')
      await this.events.publish(
        MediaRejected,
        this.rejectedEvent(
          review,
          `moderation rejected the asset: ${verdict.rules.find((r) => r.severity === 'hard')?.detail ?? review.reason}`,
        ),
        { aggregateId },
      );
    this.logger.log(`asset ${review.assetId}: ${review.status}${review.reason ? ` (${review.reason})` : ''}`);
    return review;
  }

  /** The queued assets, oldest first. */
  async queue(limit: number): Promise<{ items: ReviewView[] }> {
    return { items: (await this.reviews.listQueued(limit)).map(toReviewView) };
  }

  /** An admin approves a queued asset: 404 `moderation_item_not_found`, 409 `moderation_already_decided`. */
  async approve(assetId: string, note?: string): Promise<ApprovedResult> {
    const review = await this.decide(assetId, { to: 'approved', by: this.actor(), ...(note ? { note } : {}) });
    return { ...toReviewView(review), event: approvedEvent(review) };
  }

  /** An admin rejects a queued asset with a reason (becomes the asset's last error). */
  async reject(assetId: string, reason: string, message?: string): Promise<RejectedResult> {
    const review = await this.decide(assetId, { to: 'rejected', by: this.actor(), reason, ...(message ? { note: message } : {}) });
    return { ...toReviewView(review), event: this.rejectedEvent(review, message ?? `an admin rejected the asset: ${reason}`) };
  }

  private async decide(assetId: string, change: ReviewDecisionChange): Promise<Review> {
    const outcome = await this.reviews.decide(assetId, change);
    if (outcome.kind === 'missing') throw new ReviewNotFoundError(assetId);
    if (outcome.kind === 'conflict') throw new ReviewAlreadyDecidedError(assetId, outcome.status);
    const principal = this.ctx.principal;
    await this.audit.record({
      actor: change.by,
      actor_role: principal?.role ?? 'anonymous',
      action: change.to === 'approved' ? 'moderation.approved' : 'moderation.rejected',
      target_type: 'asset',
      target_id: assetId,
      before: { ...toReviewView(outcome.before) },
      after: { ...toReviewView(outcome.review) },
    });
    await this.events.publish(MediaReviewed, reviewedEvent(outcome.review, change.by), { aggregateId: assetId });
    this.logger.log(`asset ${assetId}: ${change.to} by an admin`);
    return outcome.review;
  }

  private rejectedEvent(review: Review, message: string): MediaRejectedPayload {
    return {
      assetId: review.assetId,
      episodeId: review.episodeId,
      stage: 'policy',
      reason: review.reason ?? 'policy_rejected',
      message: message.slice(0, 500),
      // a generated asset's run: admin-studio moves it to `failed` (`media_rejected`) on this event
      ...(review.asset.runId ? { runId: review.asset.runId } : {}),
    };
  }

  private actor(): string {
    return this.ctx.principal?.userId ?? 'anonymous';
  }
}
