import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { EpisodesModule } from './episodes/episodes.module';

/** The catalog service (port 8083, prefix /v1): shows, episodes, renditions and published state. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'catalog', http: { port: 8083, prefix: 'v1' }, messaging: true }), EpisodesModule],
})
export class AppModule {}
