import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import type { Schema } from '@mikasmissions/contracts-api';
import { Roles } from '@mikasmissions/service-identity';
import { KidsSessionsService } from './kids-sessions.service';

/** `POST`/`DELETE /v1/children/profiles/{child_profile_id}/session`: open (after a gate) and revoke a child's device sessions. */
@Controller('children/profiles/:child_profile_id/session')
export class KidsSessionsController {
  constructor(private readonly kids: KidsSessionsService) {}

  @Roles('parent')
  @Post()
  @HttpCode(201)
  open(@Param('child_profile_id') childProfileId: string, @Body() body: unknown): Promise<Schema<'KidsSessionResponse'>> {
    return this.kids.open(childProfileId, body);
  }

  @Roles('parent', 'service')
  @Delete()
  @HttpCode(200)
  revoke(@Param('child_profile_id') childProfileId: string): Promise<Schema<'KidsSessionRevokeResponse'>> {
    return this.kids.revoke(childProfileId);
  }
}
