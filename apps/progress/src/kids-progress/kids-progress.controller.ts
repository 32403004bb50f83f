import { Controller, Get, Param } from '@nestjs/common';
import { Roles } from '@mikasmissions/service-identity';
import { KidsProgressService } from './kids-progress.service';
import type { KidsProgress } from './progress-summary';

/** `GET /v1/kids/progress/{child_profile_id}`: the child's progress and today's usage. */
@Controller('kids/progress')
export class KidsProgressController {
  constructor(private readonly kidsProgress: KidsProgressService) {}

  @Roles('parent', 'child', 'service')
  @Get(':child_profile_id')
  get(@Param('child_profile_id') childProfileId: string): Promise<KidsProgress> {
    return this.kidsProgress.summary(childProfileId);
  }
}
