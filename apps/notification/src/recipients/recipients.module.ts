import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { notificationConfig } from '../notification.config';
import { IdentityParentDirectory } from './adapters/identity-parent-directory';
import { ProfileBandAudience } from './adapters/profile-band-audience';
import { BandAudience } from './band-audience';
import { ParentDirectory } from './parent-directory';
import { ParentLanguage } from './parent-language';

/** Who to tell, where and in which language: parent contacts from identity, parents per age band from profile (both over ServiceClient). */
@UsesConfig(notificationConfig)
@Module({
  providers: [
    { provide: ParentDirectory, useClass: IdentityParentDirectory },
    { provide: BandAudience, useClass: ProfileBandAudience },
    ParentLanguage,
  ],
  exports: [ParentDirectory, BandAudience, ParentLanguage],
})
export class RecipientsModule {}
