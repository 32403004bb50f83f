import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { MediaApproved, MediaRejected } from '@mikasmissions/contracts-events';
import { Publish } from '@mikasmissions/messaging';
import { Serialize } from '@mikasmissions/serialize';
import { Roles } from '@mikasmissions/service-identity';
import { AssetIdPipe } from './asset-id.pipe';
import { ApproveDto, QueueQuery, RejectDto } from './dto/decision.dto';
import type { ReviewView } from './review.view';
import { reviewViewSchema } from './review-view.schema';
import { type ApprovedResult, type RejectedResult, ReviewsService } from './reviews.service';

/** The admin review queue (`/v1/admin/moderation/queue…`): list, approve, reject. */
@Roles('admin', 'service')
@Controller('admin/moderation/queue')
export class QueueController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get()
  list(@Query() query: QueueQuery): Promise<{ items: ReviewView[] }> {
    return this.reviews.queue(query.limit);
  }

  @Post(':asset_id/approve')
  @HttpCode(200)
  @Serialize(reviewViewSchema)
  @Publish(MediaApproved, { map: (r: ApprovedResult) => r.event, aggregateId: (r: ApprovedResult) => r.event.assetId })
  async approve(@Param('asset_id', AssetIdPipe) assetId: string, @Body() body: ApproveDto): Promise<ApprovedResult> {
    return this.reviews.approve(assetId, body?.note);
  }

  @Post(':asset_id/reject')
  @HttpCode(200)
  @Serialize(reviewViewSchema)
  @Publish(MediaRejected, { map: (r: RejectedResult) => r.event, aggregateId: (r: RejectedResult) => r.event.assetId })
  async reject(@Param('asset_id', AssetIdPipe) assetId: string, @Body() body: RejectDto): Promise<RejectedResult> {
    return this.reviews.reject(assetId, body.reason, body.message);
  }
}
