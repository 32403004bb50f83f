import { Global, Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemoryFeaturesRepository } from './adapters/memory-features.repository';
import { PostgresFeaturesRepository } from './adapters/postgres-features.repository';
import { FeaturesConsumer } from './features.consumer';
import { FeaturesRepository } from './features.repository';
import { HomeInvalidator } from './home-invalidator';

/** Per-child features and their event consumers: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Global()
@Module({
  controllers: [FeaturesConsumer],
  providers: [
    HomeInvalidator,
    {
      provide: FeaturesRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresFeaturesRepository(sql, schema) : new MemoryFeaturesRepository(),
    },
  ],
  exports: [FeaturesRepository, HomeInvalidator],
})
export class FeaturesModule {}
