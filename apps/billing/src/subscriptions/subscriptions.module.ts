import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { Clock } from '../clock/clock';
import { PaymentsModule } from '../payments/payments.module';
import { PlanCatalog } from '../plans/plan-catalog';
import { ActingParent } from './acting-parent';
import { MemorySubscriptionsRepository } from './adapters/memory-subscriptions.repository';
import { PostgresSubscriptionsRepository } from './adapters/postgres-subscriptions.repository';
import { ConsentTrialConsumer } from './consent-trial.consumer';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsRepository } from './subscriptions.repository';
import { SubscriptionsService } from './subscriptions.service';

/** The subscriptions feature and the trial-at-consent consumer: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  imports: [PaymentsModule],
  controllers: [SubscriptionsController, ConsentTrialConsumer],
  providers: [
    SubscriptionsService,
    ActingParent,
    Clock,
    { provide: PlanCatalog, useFactory: () => PlanCatalog.fromFile() },
    {
      provide: SubscriptionsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresSubscriptionsRepository(sql, schema) : new MemorySubscriptionsRepository(),
    },
  ],
  exports: [SubscriptionsRepository, Clock],
})
export class SubscriptionsModule {}
