import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { AuditModule } from '../audit/audit.module';
import { ModelProfilesModule } from '../model-profiles/model-profiles.module';
import { MemoryWorkflowsRepository } from './adapters/memory-workflows.repository';
import { PostgresWorkflowsRepository } from './adapters/postgres-workflows.repository';
import { WorkflowsController } from './workflows.controller';
import { WorkflowsRepository } from './workflows.repository';
import { WorkflowsService } from './workflows.service';

/** The workflows feature: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  imports: [ModelProfilesModule, AuditModule],
  controllers: [WorkflowsController],
  providers: [
    WorkflowsService,
    {
      provide: WorkflowsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresWorkflowsRepository(sql, schema) : new MemoryWorkflowsRepository(),
    },
  ],
  exports: [WorkflowsService, WorkflowsRepository],
})
export class WorkflowsModule {}
