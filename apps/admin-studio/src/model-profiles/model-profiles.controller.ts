import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { Roles } from '@mikasmissions/service-identity';
import type { ModelProfile } from './model-profile';
import { ModelProfileInputDto } from './dto/model-profile-input.dto';
import { ModelProfilesService } from './model-profiles.service';
import { AdminIdPipe } from '../admin-id.pipe';

/** `GET/PUT /v1/admin/model-profiles/{id}`: the provider settings a workflow's runs use. */
@Roles('admin', 'service')
@Controller('admin/model-profiles')
export class ModelProfilesController {
  constructor(private readonly profiles: ModelProfilesService) {}

  @Get(':id')
  get(@Param('id', AdminIdPipe) id: string): Promise<ModelProfile> {
    return this.profiles.get(id);
  }

  @Put(':id')
  put(@Param('id', AdminIdPipe) id: string, @Body() body: ModelProfileInputDto): Promise<ModelProfile> {
    return this.profiles.put(id, body);
  }
}
