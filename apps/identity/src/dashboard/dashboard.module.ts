import { Module } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { PersistenceService } from '@mikasmissions/persistence';
import { IdentityPrismaService, type IdentityTransactionHost } from '../infra/identity-prisma.service';
import { InfraModule } from '../infra/infra.module';
import { ParentsModule } from '../parents/parents.module';
import { MemoryWatchLedger } from './adapters/memory-watch-ledger';
import { PrismaWatchLedger } from './adapters/prisma-watch-ledger';
import { ProfileChildDirectory } from './adapters/profile-child-directory';
import { ChildDirectory } from './child-directory';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { ProgressConsumer } from './progress-consumer.controller';
import { WatchLedger } from './watch-ledger';

/** The parent dashboard: the `progress.updated` consumer, its ledger, and `GET /v1/parents/dashboard`. */
@Module({
  imports: [InfraModule, ParentsModule],
  controllers: [DashboardController, ProgressConsumer],
  providers: [
    {
      provide: WatchLedger,
      inject: [PersistenceService, IdentityPrismaService, TransactionHost],
      useFactory: (persistence: PersistenceService, prisma: IdentityPrismaService | null, txHost: IdentityTransactionHost) =>
        persistence.preferredStore({ redis: false }) === 'postgres' && prisma ? new PrismaWatchLedger(prisma, txHost) : new MemoryWatchLedger(),
    },
    { provide: ChildDirectory, useClass: ProfileChildDirectory },
    DashboardService,
  ],
  exports: [WatchLedger, ChildDirectory],
})
export class DashboardModule {}
