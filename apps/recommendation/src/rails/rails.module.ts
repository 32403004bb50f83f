import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemoryRailsRepository } from './adapters/memory-rails.repository';
import { PostgresRailsRepository } from './adapters/postgres-rails.repository';
import { RailsController } from './rails.controller';
import { RailsRepository } from './rails.repository';
import { RailsService } from './rails.service';

/** The rails feature: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  controllers: [RailsController],
  providers: [
    RailsService,
    {
      provide: RailsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresRailsRepository(sql, schema) : new MemoryRailsRepository(),
    },
  ],
  exports: [RailsService],
})
export class RailsModule {}
