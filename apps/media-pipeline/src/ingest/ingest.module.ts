import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { pipelineConfig } from '../pipeline.config';
import { IngestConsumer } from './ingest.consumer';
import { IngestService } from './ingest.service';

/** The ingest stage: `media.uploaded` → fetch, probe → `media.transcode.requested` or `media.rejected`. */
@UsesConfig(pipelineConfig)
@Module({ controllers: [IngestConsumer], providers: [IngestService], exports: [IngestService] })
export class IngestModule {}
