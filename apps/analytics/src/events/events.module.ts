import { Module } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { PersistenceService } from '@mikasmissions/persistence';
import { AnalyticsPrismaService } from '../infra/analytics-prisma.service';
import { InfraModule } from '../infra/infra.module';
import { MemoryEventsRepository } from './adapters/memory-events.repository';
import { PrismaEventsRepository, type AnalyticsTransactionHost } from './adapters/prisma-events.repository';
import { EventsController } from './events.controller';
import { EventsRepository } from './events.repository';
import { EventsService } from './events.service';

@Module({
  imports: [InfraModule],
  controllers: [EventsController],
  providers: [
    EventsService,
    {
      provide: EventsRepository,
      inject: [PersistenceService, AnalyticsPrismaService, TransactionHost],
      useFactory: (persistence: PersistenceService, prisma: AnalyticsPrismaService | null, txHost: AnalyticsTransactionHost) =>
        persistence.preferredStore({ redis: false }) === 'postgres' && prisma
          ? new PrismaEventsRepository(prisma, txHost)
          : new MemoryEventsRepository(),
    },
  ],
  exports: [EventsService, EventsRepository],
})
export class EventsModule {}
