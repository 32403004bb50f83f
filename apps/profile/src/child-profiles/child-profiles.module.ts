import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemoryChildProfilesRepository } from './adapters/memory-child-profiles.repository';
import { PostgresChildProfilesRepository } from './adapters/postgres-child-profiles.repository';
import { ChildProfilesController } from './child-profiles.controller';
import { ChildProfilesRepository } from './child-profiles.repository';
import { ChildProfilesService } from './child-profiles.service';

/** The child-profiles feature: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  controllers: [ChildProfilesController],
  providers: [
    ChildProfilesService,
    {
      provide: ChildProfilesRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresChildProfilesRepository(sql, schema) : new MemoryChildProfilesRepository(),
    },
  ],
  exports: [ChildProfilesService],
})
export class ChildProfilesModule {}
