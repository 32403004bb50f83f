import { type DynamicModule, forwardRef, Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { IngestModule } from './ingest/ingest.module';
import { KNOWN_STAGES, pipelineConfig, type PipelineStage } from './pipeline.config';
import { PublishModule } from './publish/publish.module';
import { TranscodeModule } from './transcode/transcode.module';

const STAGE_MODULES: Record<PipelineStage, DynamicModule['module']> = {
  ingest: IngestModule,
  transcode: TranscodeModule,
  publish: PublishModule,
};

/** The stages named by `MEDIA_PIPELINE_STAGES` (default `ingest`), read when the app is built. */
export function stagesFromEnv(raw = process.env.MEDIA_PIPELINE_STAGES ?? 'ingest'): PipelineStage[] {
  const stages = raw
    .split(',')
    .map((stage) => stage.trim())
    .filter(Boolean);
  return [...new Set(stages)].filter((stage): stage is PipelineStage => (KNOWN_STAGES as readonly string[]).includes(stage));
}

/**
 * Imports only the stage modules this process runs, so a stage that is not listed has no
 * consumer (and no consumer group reads its events here). The list is read when Nest scans the
 * modules (a `forwardRef`), i.e. from the environment the app starts with; `pipelineConfig`
 * refuses unknown names at start-up.
 */
@UsesConfig(pipelineConfig)
@Module({})
export class StagesModule {
  private static readonly built = new Map<string, DynamicModule>();

  /** The stages module for the current `MEDIA_PIPELINE_STAGES` (one instance per list, so Nest sees one module). */
  static fromEnv() {
    return forwardRef(() => {
      const stages = stagesFromEnv();
      const key = stages.join(',');
      let built = StagesModule.built.get(key);
      if (!built) {
        built = { module: StagesModule, imports: stages.map((stage) => STAGE_MODULES[stage]) };
        StagesModule.built.set(key, built);
      }
      return built;
    });
  }
}
