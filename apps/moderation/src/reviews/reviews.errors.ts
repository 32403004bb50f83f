import { PlatformError } from '@mikasmissions/http';
import type { ReviewStatus } from './review';

/** No review for this asset (never transcoded, or not yet reviewed): 404 `moderation_item_not_found`. */
export class ReviewNotFoundError extends PlatformError {
  constructor(assetId: string) {
    super(404, 'moderation_item_not_found', `no moderation review for asset ${JSON.stringify(assetId.slice(0, 64))}`);
  }
}

/** The asset is not queued (decided automatically or by another admin): 409 `moderation_already_decided` (`details: { status }`). */
export class ReviewAlreadyDecidedError extends PlatformError {
  constructor(assetId: string, status: ReviewStatus) {
    super(409, 'moderation_already_decided', `asset ${JSON.stringify(assetId.slice(0, 64))} is already ${status}`, { status });
  }
}
