import { Controller, Get, Param, Query } from '@nestjs/common';
import { Roles } from '@mikasmissions/service-identity';
import { ChildProfilesService } from './child-profiles.service';
import { BandParentsQuery, type BandParentsView } from './dto/band-parents-query';

/**
 * `GET /internal/age-bands/{band}/parents?after&limit`: the distinct parent ids with a child in
 * the band, ascending, one page at a time — for notification's digest. Parent ids only: no child
 * id, name or avatar leaves profile this way. `service` identity only; unknown band → 400
 * `invalid_age_band`.
 */
@Roles('service')
@Controller('internal/age-bands')
export class InternalBandParentsController {
  constructor(private readonly childProfiles: ChildProfilesService) {}

  @Get(':band/parents')
  list(@Param('band') band: string, @Query() query: BandParentsQuery): Promise<BandParentsView> {
    return this.childProfiles.internalParentsInBand(band, query.after ?? null, query.limit);
  }
}
