import { Controller, Get, Param, Query } from '@nestjs/common';
import { Cache } from '@mikasmissions/cache';
import { Roles } from '@mikasmissions/service-identity';
import { usageTag } from '../watch-events/watch-events.service';
import { type DailyUsageView, KidsProgressService } from './kids-progress.service';

/**
 * `GET /internal/progress/{child_profile_id}/usage?date=YYYY-MM-DD` (service identity only):
 * minutes used on a local day, for playback's limit check. Cached per child and date, and
 * invalidated by tag when a new event of the child is recorded.
 */
@Controller('internal/progress')
export class UsageController {
  constructor(private readonly kidsProgress: KidsProgressService) {}

  @Roles('service')
  @Cache({ ttlMs: 30_000, tags: (req) => [usageTag(String(req.params.child_profile_id))] })
  @Get(':child_profile_id/usage')
  usage(@Param('child_profile_id') childProfileId: string, @Query('date') date?: string): Promise<DailyUsageView> {
    return this.kidsProgress.usage(childProfileId, date);
  }
}
