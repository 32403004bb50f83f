import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { pipelineConfig } from '../pipeline.config';
import { TranscodeConsumer } from './transcode.consumer';
import { TranscodeService } from './transcode.service';

/** The transcode stage: `media.transcode.requested` → ffmpeg HLS ladder + thumbnail → `media.transcoded` or `media.rejected`. */
@UsesConfig(pipelineConfig)
@Module({ controllers: [TranscodeConsumer], providers: [TranscodeService], exports: [TranscodeService] })
export class TranscodeModule {}
