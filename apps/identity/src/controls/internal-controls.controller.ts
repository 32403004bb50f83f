import { Controller, Get, Param } from '@nestjs/common';
import { Cache } from '@mikasmissions/cache';
import { controlsCacheTag } from './controls-cache';
import { ControlsService, type InternalControls } from './controls.service';

/**
 * `GET /internal/controls/{child_profile_id}`: controls and owner for the platform's services
 * (service identity only), cached 30 s per tenant and child and dropped when a PUT changes them.
 */
@Controller('internal/controls')
export class InternalControlsController {
  constructor(private readonly controls: ControlsService) {}

  @Cache({ ttlMs: 30_000, tags: (req) => [controlsCacheTag(req.params.child_profile_id)] })
  @Get(':child_profile_id')
  get(@Param('child_profile_id') childProfileId: string): Promise<InternalControls> {
    return this.controls.internal(childProfileId);
  }
}
