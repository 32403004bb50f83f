import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { StagesModule } from './stages.module';

/**
 * The media-pipeline worker (port 8096 for `/media-pipeline/health` and `/ready` only): the stages
 * named by `MEDIA_PIPELINE_STAGES` consume and publish the pipeline's events. Built so far: ingest.
 */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'media-pipeline',
      http: { port: 8096, prefix: 'media-pipeline' },
      messaging: true,
      cache: false,
      idempotency: false,
    }),
    StagesModule.fromEnv(),
  ],
})
export class AppModule {}
