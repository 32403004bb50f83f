import { Module } from '@nestjs/common';
import { ParentConsentModule } from '../parent-consent/parent-consent.module';
import { ChildProfilesStoreModule } from './child-profiles-store.module';
import { ChildProfilesController } from './child-profiles.controller';
import { ChildProfilesService } from './child-profiles.service';
import { InternalBandParentsController } from './internal-band-parents.controller';
import { InternalProfilesController } from './internal-profiles.controller';

/** The child-profiles feature: the public `/v1/children/profiles` routes and the `/internal/profiles` and `/internal/age-bands` lookups. */
@Module({
  imports: [ChildProfilesStoreModule, ParentConsentModule],
  controllers: [ChildProfilesController, InternalProfilesController, InternalBandParentsController],
  providers: [ChildProfilesService],
})
export class ChildProfilesModule {}
