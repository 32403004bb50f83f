import { Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { resolveIdentitySettings } from '@mikasmissions/service-identity';
import { identityUrlConfig, InterimIdentityCaller } from './adapters/interim-identity-caller';
import { ServiceClientParentConsent } from './adapters/service-client-parent-consent';
import { ParentConsent } from './parent-consent';

/** {@link ParentConsent} over identity's internal parent lookup. */
@UsesConfig(identityUrlConfig)
@Module({
  providers: [
    {
      provide: ParentConsent,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new ServiceClientParentConsent(new InterimIdentityCaller(config, resolveIdentitySettings(config))),
    },
  ],
  exports: [ParentConsent],
})
export class ParentConsentModule {}
