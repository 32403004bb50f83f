import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { ChainModule } from './chain/chain.module';

/**
 * The generation worker (port 8097 for `/generation/health` and `/ready` only): the chain
 * orchestrator → provider (NVIDIA NIM) → qc consumes `video.run.requested` and its own
 * `video.run.step.completed`, moves runs through admin-studio and hands passing clips to the
 * media pipeline as `media.uploaded`.
 */
@Module({
  imports: [
    PlatformModule.forRoot({
      service: 'generation',
      http: { port: 8097, prefix: 'generation' },
      messaging: true,
      cache: false,
      idempotency: false,
    }),
    ChainModule,
  ],
})
export class AppModule {}
