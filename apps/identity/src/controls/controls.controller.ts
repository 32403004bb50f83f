import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import type { Schema } from '@mikasmissions/contracts-api';
import { Roles } from '@mikasmissions/service-identity';
import { ControlsService } from './controls.service';

/** `GET`/`PUT /v1/parents/controls/{child_profile_id}`: a child's parental controls (parent or service). */
@Roles('parent', 'service')
@Controller('parents/controls')
export class ControlsController {
  constructor(private readonly controls: ControlsService) {}

  @Get(':child_profile_id')
  get(@Param('child_profile_id') childProfileId: string): Promise<Schema<'ParentalControlsResponse'>> {
    return this.controls.get(childProfileId);
  }

  @Put(':child_profile_id')
  put(@Param('child_profile_id') childProfileId: string, @Body() body: unknown): Promise<Schema<'ParentalControlsResponse'>> {
    return this.controls.replace(childProfileId, body);
  }
}
