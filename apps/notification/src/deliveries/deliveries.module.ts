import { Module } from '@nestjs/common';
import { UsesConfig } from '@mikasmissions/config';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { notificationConfig } from '../notification.config';
import { RecipientsModule } from '../recipients/recipients.module';
import { SendersModule } from '../senders/senders.module';
import { MemoryDeliveriesRepository } from './adapters/memory-deliveries.repository';
import { PostgresDeliveriesRepository } from './adapters/postgres-deliveries.repository';
import { BackgroundContext } from './background-context';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveryDispatcher } from './delivery-dispatcher';

/** The delivery table and its dispatcher (bounded, retried sends; `failed` rows are the dead letters). */
@UsesConfig(notificationConfig)
@Module({
  imports: [RecipientsModule, SendersModule],
  providers: [
    BackgroundContext,
    DeliveryDispatcher,
    {
      provide: DeliveriesRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresDeliveriesRepository(sql, schema) : new MemoryDeliveriesRepository(),
    },
  ],
  exports: [DeliveriesRepository, DeliveryDispatcher, BackgroundContext],
})
export class DeliveriesModule {}
