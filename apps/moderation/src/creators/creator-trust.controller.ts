import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { Roles } from '@mikasmissions/service-identity';
import { CreatorIdPipe } from './creator-id.pipe';
import { CreatorTrustService } from './creator-trust.service';
import type { CreatorTrustView } from './creator-trust.view';
import { SetTrustDto } from './dto/trust.dto';

/** `GET/PUT /v1/admin/moderation/creators/{creator_id}`: a creator's trust level, read and set by admins. */
@Roles('admin', 'service')
@Controller('admin/moderation/creators')
export class CreatorTrustController {
  constructor(private readonly trust: CreatorTrustService) {}

  @Get(':creator_id')
  get(@Param('creator_id', CreatorIdPipe) creatorId: string): Promise<CreatorTrustView> {
    return this.trust.get(creatorId);
  }

  @Put(':creator_id')
  set(@Param('creator_id', CreatorIdPipe) creatorId: string, @Body() body: SetTrustDto): Promise<CreatorTrustView> {
    return this.trust.set(creatorId, body.trust_level);
  }
}
