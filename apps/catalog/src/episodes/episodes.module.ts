import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemoryEpisodesRepository } from './adapters/memory-episodes.repository';
import { PostgresEpisodesRepository } from './adapters/postgres-episodes.repository';
import { EpisodesController } from './episodes.controller';
import { EpisodesRepository } from './episodes.repository';
import { EpisodesService } from './episodes.service';

/** The episodes feature: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  controllers: [EpisodesController],
  providers: [
    EpisodesService,
    {
      provide: EpisodesRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresEpisodesRepository(sql, schema) : new MemoryEpisodesRepository(),
    },
  ],
  exports: [EpisodesService],
})
export class EpisodesModule {}
