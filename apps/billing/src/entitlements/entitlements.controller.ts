import { Controller, Get, Query } from '@nestjs/common';
import type { EntitlementResponse } from '@mikasmissions/contracts-api';
import { Roles } from '@mikasmissions/service-identity';
import { EntitlementQuery } from './dto/entitlement.query';
import { EntitlementsService } from './entitlements.service';

/** `GET /billing/entitlements?parent_user_id&child_profile_id`: playback calls it with a service identity. */
@Controller('billing/entitlements')
export class EntitlementsController {
  constructor(private readonly entitlements: EntitlementsService) {}

  @Roles('parent', 'service')
  @Get()
  get(@Query() query: EntitlementQuery): Promise<EntitlementResponse> {
    return this.entitlements.get(query);
  }
}
