import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ChildProfileCreated } from '@mikasmissions/contracts-events';
import { Publish } from '@mikasmissions/messaging';
import { Serialize } from '@mikasmissions/serialize';
import { Roles } from '@mikasmissions/service-identity';
import { ChildProfilesService } from './child-profiles.service';
import { createdChildProfileSchema, type ChildProfileListView, type CreatedChildProfile } from './dto/child-profile.views';
import { ParentQuery } from './dto/parent-query';

/** `/v1/children/profiles`: a parent's child profiles (parents for themselves; services name the parent). */
@Roles('parent', 'service')
@Controller('children/profiles')
export class ChildProfilesController {
  constructor(private readonly childProfiles: ChildProfilesService) {}

  @Get()
  list(@Query() query: ParentQuery): Promise<ChildProfileListView> {
    return this.childProfiles.list(query.parent_user_id);
  }

  @Post()
  @HttpCode(201)
  @Serialize(createdChildProfileSchema)
  @Publish(ChildProfileCreated, {
    map: (p: CreatedChildProfile) => ({ parentUserId: p.parent_user_id, childProfileId: p.child_profile_id, ageBand: p.age_band }),
    aggregateId: (p: CreatedChildProfile) => p.child_profile_id,
  })
  create(@Body() body: unknown): Promise<CreatedChildProfile> {
    return this.childProfiles.create(body);
  }

  @Delete(':child_profile_id')
  @HttpCode(204)
  remove(@Param('child_profile_id') childProfileId: string, @Query() query: ParentQuery): Promise<void> {
    return this.childProfiles.delete(query.parent_user_id, childProfileId);
  }
}
