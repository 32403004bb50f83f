import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemorySubscriptionsRepository } from './adapters/memory-subscriptions.repository';
import { PostgresSubscriptionsRepository } from './adapters/postgres-subscriptions.repository';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

/** The subscriptions feature: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  controllers: [SubscriptionsController],
  providers: [
    SubscriptionsService,
    {
      provide: SubscriptionsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresSubscriptionsRepository(sql, schema) : new MemorySubscriptionsRepository(),
    },
  ],
  exports: [SubscriptionsService],
})
export class SubscriptionsModule {}
