import { Module } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { PersistenceService } from '@mikasmissions/persistence';
import type { AnalyticsTransactionHost } from '../events/adapters/prisma-events.repository';
import { MemoryRecordedEventCounters } from './adapters/memory-recorded-event-counters';
import { PrismaRecordedEventCounters } from './adapters/prisma-recorded-event-counters';
import { RecordedEventCounters } from './recorded-event-counters';
import { RecordedEventsController } from './recorded-events.controller';

/** The `analytics.event.recorded` consumer and its counters. */
@Module({
  controllers: [RecordedEventsController],
  providers: [
    {
      provide: RecordedEventCounters,
      inject: [PersistenceService, TransactionHost],
      useFactory: (persistence: PersistenceService, txHost: AnalyticsTransactionHost) =>
        persistence.preferredStore({ redis: false }) === 'postgres'
          ? new PrismaRecordedEventCounters(txHost)
          : new MemoryRecordedEventCounters(),
    },
  ],
})
export class RecordedEventsModule {}
