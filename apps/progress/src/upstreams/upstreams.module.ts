import { Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { progressConfig } from '../progress.config';
import { ChildControls } from './child-controls';
import { EpisodeDurations } from './episode-durations';
import { HttpChildControls } from './http-child-controls';
import { HttpEpisodeDurations } from './http-episode-durations';
import { MemoryChildControls } from './memory-child-controls';
import { MemoryEpisodeDurations } from './memory-episode-durations';
import type { UpstreamCall } from './upstream-call';

const notWired: UpstreamCall = async (service) => {
  throw new Error(`progress: no ServiceClient wired to reach ${service} (PROGRESS_UPSTREAMS=http)`);
};

const memory = (config: AppConfig): boolean => config.slice(progressConfig).PROGRESS_UPSTREAMS === 'memory';

/**
 * The ports progress reads other services through: {@link EpisodeDurations} (catalog) and
 * {@link ChildControls} (identity). `PROGRESS_UPSTREAMS=memory` gives the in-process adapters
 * (tests set them with `app.get(EpisodeDurations)`), `http` (default) the ServiceClient ones.
 */
@UsesConfig(progressConfig)
@Module({
  providers: [
    { provide: EpisodeDurations, inject: [AppConfig], useFactory: (config: AppConfig) => (memory(config) ? new MemoryEpisodeDurations() : new HttpEpisodeDurations(notWired)) },
    { provide: ChildControls, inject: [AppConfig], useFactory: (config: AppConfig) => (memory(config) ? new MemoryChildControls() : new HttpChildControls(notWired)) },
  ],
  exports: [EpisodeDurations, ChildControls],
})
export class UpstreamsModule {}
