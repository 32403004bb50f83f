import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemoryWatchEventsRepository } from './adapters/memory-watch-events.repository';
import { PostgresWatchEventsRepository } from './adapters/postgres-watch-events.repository';
import { WatchEventsController } from './watch-events.controller';
import { WatchEventsRepository } from './watch-events.repository';
import { WatchEventsService } from './watch-events.service';

/** The watch-events feature: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  controllers: [WatchEventsController],
  providers: [
    WatchEventsService,
    {
      provide: WatchEventsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresWatchEventsRepository(sql, schema) : new MemoryWatchEventsRepository(),
    },
  ],
  exports: [WatchEventsService],
})
export class WatchEventsModule {}
