import { Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { ServiceClient } from '@mikasmissions/service-client';
import { progressConfig } from '../progress.config';
import { ChildControls } from './child-controls';
import { EpisodeDurations } from './episode-durations';
import { HttpChildControls } from './http-child-controls';
import { HttpEpisodeDurations } from './http-episode-durations';
import { MemoryChildControls } from './memory-child-controls';
import { MemoryEpisodeDurations } from './memory-episode-durations';

const memory = (config: AppConfig): boolean => config.slice(progressConfig).PROGRESS_UPSTREAMS === 'memory';

/**
 * The ports progress reads other services through: {@link EpisodeDurations} (catalog) and
 * {@link ChildControls} (identity). `PROGRESS_UPSTREAMS=memory` gives the in-process adapters
 * (tests set them with `app.get(EpisodeDurations)`), `http` (default) the ServiceClient ones.
 */
@UsesConfig(progressConfig)
@Module({
  providers: [
    {
      provide: EpisodeDurations,
      inject: [AppConfig, ServiceClient],
      useFactory: (config: AppConfig, client: ServiceClient) =>
        memory(config) ? new MemoryEpisodeDurations() : new HttpEpisodeDurations(client),
    },
    {
      provide: ChildControls,
      inject: [AppConfig, ServiceClient],
      useFactory: (config: AppConfig, client: ServiceClient) =>
        memory(config) ? new MemoryChildControls() : new HttpChildControls(client),
    },
  ],
  exports: [EpisodeDurations, ChildControls],
})
export class UpstreamsModule {}
