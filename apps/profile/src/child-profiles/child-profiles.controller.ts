import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { ChildProfile } from './child-profile';
import { CreateChildProfileDto } from './dto/create-child-profile.dto';
import { ListChildProfilesQuery } from './dto/list-child-profiles.query';
import { ChildProfilesService } from './child-profiles.service';

/** `GET/POST /child-profiles`, `GET /child-profiles/:id`: the child-profiles of the caller's tenant. */
@Controller('child-profiles')
export class ChildProfilesController {
  constructor(private readonly childProfiles: ChildProfilesService) {}

  @Get()
  list(@Query() query: ListChildProfilesQuery): Promise<{ data: ChildProfile[]; count: number }> {
    return this.childProfiles.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<ChildProfile> {
    return this.childProfiles.get(id);
  }

  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateChildProfileDto): Promise<ChildProfile> {
    return this.childProfiles.create(dto);
  }
}
