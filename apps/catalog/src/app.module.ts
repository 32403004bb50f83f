import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { EpisodesModule } from './episodes/episodes.module';

/** The catalog service (port 8083, prefix /v1): episodes of the caller's tenant. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'catalog', http: { port: 8083, prefix: 'v1' } }), EpisodesModule],
})
export class AppModule {}
