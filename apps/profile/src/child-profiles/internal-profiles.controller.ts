import { Controller, Get, Param, Query } from '@nestjs/common';
import { Cache } from '@mikasmissions/cache';
import { Serialize } from '@mikasmissions/serialize';
import { Roles } from '@mikasmissions/service-identity';
import { childProfileCacheTag } from './child-profile-cache-tag';
import { ChildProfilesService } from './child-profiles.service';
import { internalChildProfileSchema, type InternalChildProfileListView, type InternalChildProfileView } from './dto/child-profile.views';
import { ParentQuery } from './dto/parent-query';

/**
 * `/internal/profiles`: ownership and age band lookups for other services (`service` identity
 * only; never routed by the gateway). The single lookup is cached per profile and dropped when
 * the profile is deleted; it never carries the child's name or avatar.
 */
@Roles('service')
@Controller('internal/profiles')
export class InternalProfilesController {
  constructor(private readonly childProfiles: ChildProfilesService) {}

  @Get()
  list(@Query() query: ParentQuery): Promise<InternalChildProfileListView> {
    return this.childProfiles.internalList(query.parent_user_id);
  }

  @Cache({ ttlMs: 30_000, swrMs: 30_000, tags: (req) => [childProfileCacheTag(String(req.params.child_profile_id))] })
  @Serialize(internalChildProfileSchema)
  @Get(':child_profile_id')
  get(@Param('child_profile_id') childProfileId: string): Promise<InternalChildProfileView> {
    return this.childProfiles.internalGet(childProfileId);
  }
}
