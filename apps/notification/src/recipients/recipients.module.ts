import { Module } from '@nestjs/common';
import { IdentityParentDirectory } from './adapters/identity-parent-directory';
import { ProfileBandAudience } from './adapters/profile-band-audience';
import { BandAudience } from './band-audience';
import { ParentDirectory } from './parent-directory';

/** Who to tell and where: parent contacts from identity, parents per age band from profile (both over ServiceClient). */
@Module({
  providers: [
    { provide: ParentDirectory, useClass: IdentityParentDirectory },
    { provide: BandAudience, useClass: ProfileBandAudience },
  ],
  exports: [ParentDirectory, BandAudience],
})
export class RecipientsModule {}
