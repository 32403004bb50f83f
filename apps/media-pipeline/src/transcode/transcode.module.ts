import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { pipelineConfig } from '../pipeline.config';
import { CreatorStudioProgressReporter, ProgressReporter } from './progress-reporter';
import { TranscodeConsumer } from './transcode.consumer';
import { TranscodeService } from './transcode.service';

/**
 * The transcode stage: `media.transcode.requested` → ffmpeg HLS ladder + thumbnail → `media.transcoded`
 * or `media.rejected`; progress goes to creator-studio (throttled, best effort).
 */
@UsesConfig(pipelineConfig)
@Module({
  controllers: [TranscodeConsumer],
  providers: [TranscodeService, { provide: ProgressReporter, useClass: CreatorStudioProgressReporter }],
  exports: [TranscodeService],
})
export class TranscodeModule {}
