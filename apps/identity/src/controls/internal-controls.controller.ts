import { Controller, Get, Param } from '@nestjs/common';
import { ControlsService, type InternalControls } from './controls.service';

/** `GET /internal/controls/{child_profile_id}`: controls and owner for the platform's services (service identity only). */
@Controller('internal/controls')
export class InternalControlsController {
  constructor(private readonly controls: ControlsService) {}

  @Get(':child_profile_id')
  get(@Param('child_profile_id') childProfileId: string): Promise<InternalControls> {
    return this.controls.internal(childProfileId);
  }
}
