import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { adminStudioConfig } from '../admin-studio.config';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { AuditModule } from '../audit/audit.module';
import { MemoryModelProfilesRepository } from './adapters/memory-model-profiles.repository';
import { PostgresModelProfilesRepository } from './adapters/postgres-model-profiles.repository';
import { ModelProfilesController } from './model-profiles.controller';
import { ModelProfilesRepository } from './model-profiles.repository';
import { ModelProfilesService } from './model-profiles.service';

/** Model profiles: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@UsesConfig(adminStudioConfig)
@Module({
  imports: [AuditModule],
  controllers: [ModelProfilesController],
  providers: [
    ModelProfilesService,
    {
      provide: ModelProfilesRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresModelProfilesRepository(sql, schema) : new MemoryModelProfilesRepository(),
    },
  ],
  exports: [ModelProfilesService],
})
export class ModelProfilesModule {}
