import { Module } from '@nestjs/common';
import { ServiceClient } from '@mikasmissions/service-client';
import { ServiceClientParentConsent } from './adapters/service-client-parent-consent';
import { ParentConsent } from './parent-consent';

/** {@link ParentConsent} over identity's internal parent lookup (`ServiceClient`, provided by the platform frame). */
@Module({
  providers: [
    { provide: ParentConsent, inject: [ServiceClient], useFactory: (client: ServiceClient) => new ServiceClientParentConsent(client) },
  ],
  exports: [ParentConsent],
})
export class ParentConsentModule {}
