import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { AuditModule } from '../audit/audit.module';
import { CreatorsModule } from '../creators/creators.module';
import { PolicyModule } from '../rules/policy.module';
import { MemoryReviewsRepository } from './adapters/memory-reviews.repository';
import { PostgresReviewsRepository } from './adapters/postgres-reviews.repository';
import { PolicyConsumer } from './policy.consumer';
import { QueueController } from './queue.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';

/** Reviews: the policy consumer of `media.transcoded` and the admin queue; Postgres when DATABASE_URL is set, memory otherwise. */
@Module({
  imports: [PolicyModule, AuditModule, CreatorsModule],
  controllers: [PolicyConsumer, QueueController],
  providers: [
    ReviewsService,
    {
      provide: ReviewsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresReviewsRepository(sql, schema) : new MemoryReviewsRepository(),
    },
  ],
})
export class ReviewsModule {}
