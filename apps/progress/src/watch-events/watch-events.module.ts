import { Module } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { Clock } from '../time/clock';
import { UpstreamsModule } from '../upstreams/upstreams.module';
import { MemoryProgressRepository } from './adapters/memory-progress.repository';
import { PostgresProgressRepository } from './adapters/postgres-progress.repository';
import { ChildErasureController } from './child-erasure.controller';
import { actingFamilyScope } from './family-row-scope';
import { ProgressRepository } from './progress.repository';
import { WatchEventsController } from './watch-events.controller';
import { WatchEventsService } from './watch-events.service';

/** Watch events and the store of positions and ledger: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  imports: [UpstreamsModule],
  controllers: [WatchEventsController, ChildErasureController],
  providers: [
    WatchEventsService,
    Clock,
    {
      provide: ProgressRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA, RequestContext],
      useFactory: (sql: SqlTransactions | null, schema: string, ctx: RequestContext) =>
        sql ? new PostgresProgressRepository(sql, schema, () => actingFamilyScope(ctx)) : new MemoryProgressRepository(),
    },
  ],
  exports: [ProgressRepository, Clock, UpstreamsModule],
})
export class WatchEventsModule {}
