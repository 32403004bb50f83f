import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { AcceptsMultipart } from '@mikasmissions/http';
import { creatorUploadConfig } from './direct-upload/creator-upload.config';
import { DirectUploadStage } from './direct-upload/direct-upload.stage';
import { SourceStore } from './direct-upload/source-store';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemoryAssetsRepository } from './adapters/memory-assets.repository';
import { PostgresAssetsRepository } from './adapters/postgres-assets.repository';
import { AssetsController } from './assets.controller';
import { AssetsRepository } from './assets.repository';
import { AssetsService } from './assets.service';
import { InternalProgressController } from './internal-progress.controller';
import { StageEventsConsumer } from './stage-events.consumer';

/** The assets feature: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@AcceptsMultipart('creator/assets')
@UsesConfig(creatorUploadConfig)
@Module({
  controllers: [AssetsController, InternalProgressController, StageEventsConsumer],
  providers: [
    AssetsService,
    SourceStore,
    DirectUploadStage,
    {
      provide: AssetsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresAssetsRepository(sql, schema) : new MemoryAssetsRepository(),
    },
  ],
  exports: [AssetsService, AssetsRepository],
})
export class AssetsModule {}
