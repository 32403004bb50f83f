import { Module } from '@nestjs/common';
import { PersistenceService, SqlTransactions } from '@mikasmissions/persistence';
import { FamilyScopeModule } from '../family-scope/family-scope.module';
import { InfraModule } from '../infra/infra.module';
import { ParentsModule } from '../parents/parents.module';
import { MemoryWatchLedger } from './adapters/memory-watch-ledger';
import { PostgresWatchLedger } from './adapters/postgres-watch-ledger';
import { ProfileChildDirectory } from './adapters/profile-child-directory';
import { ChildDirectory } from './child-directory';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { ProgressConsumer } from './progress-consumer.controller';
import { WatchLedger } from './watch-ledger';

/** The parent dashboard: the `progress.updated` consumer, its ledger, and `GET /v1/parents/dashboard`. */
@Module({
  imports: [InfraModule, ParentsModule, FamilyScopeModule],
  controllers: [DashboardController, ProgressConsumer],
  providers: [
    {
      provide: WatchLedger,
      inject: [PersistenceService, SqlTransactions],
      useFactory: (persistence: PersistenceService, sql: SqlTransactions | null) =>
        persistence.preferredStore({ redis: false }) === 'postgres' && sql ? new PostgresWatchLedger(sql) : new MemoryWatchLedger(),
    },
    { provide: ChildDirectory, useClass: ProfileChildDirectory },
    DashboardService,
  ],
  exports: [WatchLedger, ChildDirectory],
})
export class DashboardModule {}
