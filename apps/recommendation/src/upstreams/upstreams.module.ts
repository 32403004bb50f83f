import { Global, Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { ServiceClient } from '@mikasmissions/service-client';
import { recommendationConfig } from '../recommendation.config';
import { CatalogSource } from './catalog-source';
import { ChildControls } from './child-controls';
import { ChildProfiles } from './child-profiles';
import { HttpCatalogSource } from './http-catalog-source';
import { HttpChildControls } from './http-child-controls';
import { HttpChildProfiles } from './http-child-profiles';
import { MemoryCatalogSource } from './memory-catalog-source';
import { MemoryChildControls } from './memory-child-controls';
import { MemoryChildProfiles } from './memory-child-profiles';

const memory = (config: AppConfig): boolean => config.slice(recommendationConfig).RECOMMENDATION_UPSTREAMS === 'memory';

/**
 * The ports recommendation reads other services through: {@link ChildProfiles} (profile),
 * {@link ChildControls} (identity) and {@link CatalogSource} (catalog).
 * `RECOMMENDATION_UPSTREAMS=memory` gives the in-process adapters, `http` (default) the
 * ServiceClient ones.
 */
@Global()
@UsesConfig(recommendationConfig)
@Module({
  providers: [
    {
      provide: ChildProfiles,
      inject: [AppConfig, ServiceClient],
      useFactory: (config: AppConfig, client: ServiceClient) =>
        memory(config) ? new MemoryChildProfiles() : new HttpChildProfiles(client),
    },
    {
      provide: ChildControls,
      inject: [AppConfig, ServiceClient],
      useFactory: (config: AppConfig, client: ServiceClient) =>
        memory(config) ? new MemoryChildControls() : new HttpChildControls(client),
    },
    {
      provide: CatalogSource,
      inject: [AppConfig, ServiceClient],
      useFactory: (config: AppConfig, client: ServiceClient) =>
        memory(config) ? new MemoryCatalogSource() : new HttpCatalogSource(client),
    },
  ],
  exports: [ChildProfiles, ChildControls, CatalogSource],
})
export class UpstreamsModule {}
