import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { AuditModule } from '../audit/audit.module';
import { ModelProfilesModule } from '../model-profiles/model-profiles.module';
import { WorkflowsModule } from '../workflows/workflows.module';
import { MemoryRunsRepository } from './adapters/memory-runs.repository';
import { PostgresRunsRepository } from './adapters/postgres-runs.repository';
import { InternalRunsController } from './internal-runs.controller';
import { RunPipelineConsumer } from './run-pipeline.consumer';
import { RunPipelineService } from './run-pipeline.service';
import { RunWorkerViewService } from './run-worker-view.service';
import { RunsController } from './runs.controller';
import { RunsRepository } from './runs.repository';
import { RunsService } from './runs.service';

/** Runs: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  imports: [WorkflowsModule, ModelProfilesModule, AuditModule],
  controllers: [RunsController, InternalRunsController, RunPipelineConsumer],
  providers: [
    RunsService,
    RunWorkerViewService,
    RunPipelineService,
    {
      provide: RunsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresRunsRepository(sql, schema) : new MemoryRunsRepository(),
    },
  ],
})
export class RunsModule {}
